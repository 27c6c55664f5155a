// The registry's signed log: every case action becomes a signed entry appended in the same
// transaction as the action, in a table the database itself keeps append-only. Party and
// verifier keys live here too, their secrets sealed with the store's encryption key.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import {
  buildEntry,
  canonicalJson,
  consistencyPath,
  fromHex,
  generateKeyPair,
  keyAdded,
  keyRecord,
  keyRevoked,
  keyRotated,
  LOG_FORMAT,
  leafHash,
  MerkleTree,
  signCheckpoint,
  signEntry,
  toHex,
  utf8,
  type CheckpointLine,
  type EntryInput,
  type EntryLine,
  type HeaderLine,
  type KeyRecord,
  type Signer,
} from "../../ledger/index.ts";
import "../../ledger-node/index.ts";
import { nodeSha256, nodeSigner } from "../../ledger-node/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import type { ActionEvent, ActionSink, Db, Tx } from "../types.ts";
import type { LedgerStore } from "./ledger-store-types.ts";
import { caseStepsOf } from "./case-steps.ts";
import { actionEntry, appendActionsInBulk } from "./bulk-append.ts";

// Arbitrary constant naming the ledger's append lock among advisory locks.
const LEDGER_LOCK = 7_305_514_023;

// Roles whose people sign with their own key as well as their party's.
const PERSONAL_KEY_ROLES = new Set(["verifier", "mediator"]);

interface KeyRow {
  id: string;
  party_id: string;
  user_id: string | null;
  public_key: string;
  sealed_secret: Uint8Array;
  anchor: boolean;
  retired_at: Date | null;
}

export type { ConsistencyProof, InclusionProof, LedgerStore } from "./ledger-store-types.ts";

function recordOf(row: KeyRow): KeyRecord {
  return keyRecord(fromHex(row.public_key), row.party_id, row.user_id ?? undefined);
}

export interface LedgerDeps {
  db: Db;
  box: SealedBox;
  // The case's salt for its commitments in the log (src/ledger/case-commitment.ts).
  caseSalt: (caseId: string) => string;
  now: () => Date;
}

/**
 * The log and the action sink that writes every case action into it. openStore registers the
 * sink; the ledger itself is the store's `ledger` property.
 */
export function createLedgerStore(deps: LedgerDeps): { ledger: LedgerStore; recordAction: ActionSink } {
  const db: Db = deps.db;
  const signers = new Map<string, Signer>();
  const tree = new MerkleTree({ hash: nodeSha256 });
  let treeSync: Promise<void> = Promise.resolve();
  let cachedLogId: string | undefined;

  const sealAad = (keyId: string): string => `ledger-key:${keyId}`;

  function signerOf(row: KeyRow): Signer {
    let signer = signers.get(row.id);
    if (!signer) {
      const secret = fromHex(deps.box.open(row.sealed_secret, sealAad(row.id)), 32);
      signer = nodeSigner(secret, row.party_id, row.user_id ?? undefined);
      if (signer.key.id !== row.id) throw new Error(`ledger key ${row.id} does not match its secret`);
      signers.set(row.id, signer);
    }
    return signer;
  }

  async function lock(tx: Tx): Promise<void> {
    await sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`.execute(tx);
  }

  async function logIdIn(q: Db | Tx): Promise<string> {
    if (cachedLogId) return cachedLogId;
    const row = await sql<{ log_id: string }>`select log_id from ledger_meta where id = 1`.execute(q);
    if (row.rows[0]) return (cachedLogId = row.rows[0].log_id);
    const id = `homeward-${randomBytes(8).toString("hex")}`;
    await sql`insert into ledger_meta (id, log_id) values (1, ${id}) on conflict (id) do nothing`.execute(q);
    const again = await sql<{ log_id: string }>`select log_id from ledger_meta where id = 1`.execute(q);
    return (cachedLogId = again.rows[0]!.log_id);
  }

  async function currentKey(tx: Tx, partyId: string, userId: string | null): Promise<KeyRow | undefined> {
    const rows = await sql<KeyRow>`select * from ledger_keys
      where party_id = ${partyId} and coalesce(user_id, '') = ${userId ?? ""} and retired_at is null`.execute(tx);
    return rows.rows[0];
  }

  async function createKey(tx: Tx, partyId: string, userId: string | null, anchor: boolean): Promise<KeyRow> {
    const { secretKey, publicKey } = generateKeyPair();
    const record = keyRecord(publicKey, partyId, userId ?? undefined);
    const sealed = deps.box.seal(toHex(secretKey), sealAad(record.id));
    const rows = await sql<KeyRow>`insert into ledger_keys (id, party_id, user_id, public_key, sealed_secret, anchor)
      values (${record.id}, ${partyId}, ${userId}, ${record.publicKey}, ${Buffer.from(sealed)}, ${anchor}) returning *`.execute(tx);
    return rows.rows[0]!;
  }

  /** The party's key, created as a trust anchor when the party has none. Caller holds the lock. */
  async function partyKey(tx: Tx, partyId: string): Promise<KeyRow> {
    return (await currentKey(tx, partyId, null)) ?? createKey(tx, partyId, null, true);
  }

  /** A person's key; a new one is announced in the log, signed by the party and by itself. */
  async function userKey(tx: Tx, partyId: string, userId: string): Promise<KeyRow> {
    const existing = await currentKey(tx, partyId, userId);
    if (existing) return existing;
    const party = await partyKey(tx, partyId);
    const row = await createKey(tx, partyId, userId, false);
    await appendLocked(tx, {
      id: `key:${row.id}`,
      type: keyAdded.type,
      typeVersion: keyAdded.version,
      subject: `user:${userId}`,
      party: partyId,
      time: deps.now().toISOString(),
      payload: { key: recordOf(row) },
    }, [signerOf(party), signerOf(row)]);
    return row;
  }

  async function appendLocked(tx: Tx, input: EntryInput, signWith: Signer[], salt?: string): Promise<{ index: number; line: EntryLine; created: boolean }> {
    // One round trip: the entry if it exists (idempotent append), else the next position.
    const found = await sql<{ line: string | null; n: string }>`select
        (select line from ledger_entries where entry_id = ${input.id}) as line,
        coalesce((select max(idx) + 1 from ledger_entries), 0) as n`.execute(tx);
    const existing = found.rows[0]!.line;
    if (existing !== null) {
      const line = JSON.parse(existing) as EntryLine;
      return { index: line.entry.index, line, created: false };
    }
    const index = Number(found.rows[0]!.n);
    const entry = buildEntry(await logIdIn(tx), index, input);
    const line = signEntry(entry, signWith);
    const text = canonicalJson(line);
    const sealedSalt = salt === undefined ? null : deps.box.seal(salt, `ledger-salt:${input.id}`);
    await sql`insert into ledger_entries (idx, entry_id, line, leaf_hash, payload_salt)
      values (${index}, ${input.id}, ${text}, ${Buffer.from(leafHash(utf8(text), nodeSha256))}, ${sealedSalt && Buffer.from(sealedSalt)})`.execute(tx);
    return { index, line, created: true };
  }

  async function signersFor(tx: Tx, partyId: string, userId: string | undefined, role?: string): Promise<Signer[]> {
    const personal = userId !== undefined && (role === undefined || PERSONAL_KEY_ROLES.has(role));
    // One round trip in the common case: the party's current key and the person's.
    const rows = await sql<KeyRow>`select * from ledger_keys where party_id = ${partyId} and retired_at is null
      and (user_id is null or user_id = ${personal ? userId : null})`.execute(tx);
    const party = rows.rows.find((r) => r.user_id === null) ?? (await partyKey(tx, partyId));
    const out = [signerOf(party)];
    if (personal) out.push(signerOf(rows.rows.find((r) => r.user_id === userId) ?? (await userKey(tx, partyId, userId))));
    return out;
  }

  async function onAction(tx: Tx, event: ActionEvent): Promise<void> {
    await lock(tx);
    // Caseworkers' actions are signed by their party; verifiers and mediators sign as themselves too.
    const signWith = await signersFor(tx, event.actor.partyId, event.actor.userId, event.actor.role);
    const salt = randomBytes(32).toString("hex");
    await appendLocked(tx, actionEntry(event, salt, deps.caseSalt), signWith, salt);
  }

  const onActions = (tx: Tx, events: readonly ActionEvent[]) =>
    appendActionsInBulk(tx, events, {
      lock,
      logId: logIdIn,
      signersFor: (t, actor) => signersFor(t, actor.partyId, actor.userId, actor.role),
      sealSalt: (salt, id) => deps.box.seal(salt, `ledger-salt:${id}`),
      caseSalt: deps.caseSalt,
    });

  async function syncTree(q: Db | Tx = db): Promise<number> {
    const run = treeSync.then(async () => {
      for (;;) {
        const rows = await sql<{ idx: string; leaf_hash: Uint8Array }>`select idx, leaf_hash from ledger_entries
          where idx >= ${tree.size} order by idx limit 100000`.execute(q);
        if (rows.rows.length === 0) break;
        for (const r of rows.rows) {
          if (Number(r.idx) !== tree.size) throw new Error(`ledger entries are not contiguous at ${tree.size}`);
          tree.appendLeafHash(new Uint8Array(r.leaf_hash));
        }
        if (rows.rows.length < 100000) break;
      }
    });
    treeSync = run.catch(() => undefined);
    await run;
    return tree.size;
  }

  async function sizeChecked(size: number | undefined): Promise<number> {
    const current = await syncTree();
    const n = size ?? current;
    if (!Number.isSafeInteger(n) || n < 0 || n > current) throw new RangeError(`the log has no size ${n} (it has ${current} entries)`);
    return n;
  }

  async function checkpointLine(size: number): Promise<CheckpointLine | null> {
    const cp = await sql<{ size: string; root: string; time: string }>`select size, root, time from ledger_checkpoints where size = ${size}`.execute(db);
    if (!cp.rows[0]) return null;
    const sigs = await sql<{ key_id: string; sig: string }>`select key_id, sig from ledger_checkpoint_signatures
      where size = ${size} order by created_at, key_id`.execute(db);
    const row = cp.rows[0];
    return {
      kind: "checkpoint",
      checkpoint: { log: await logIdIn(db), size: Number(row.size), root: row.root, time: row.time },
      sigs: sigs.rows.map((s) => ({ key: s.key_id, sig: s.sig })),
    };
  }

  const ledger: LedgerStore = {
    logId: () => logIdIn(db),

    async ensureKeys() {
      await db.transaction().execute(async (tx) => {
        await lock(tx);
        await logIdIn(tx);
        const parties = await tx.selectFrom("parties").select("id").orderBy("id").execute();
        for (const p of parties) await partyKey(tx, p.id);
        const users = await tx.selectFrom("users").select(["id", "party_id", "role"]).where("disabled", "=", false).orderBy("created_at").execute();
        for (const u of users) if (PERSONAL_KEY_ROLES.has(u.role)) await userKey(tx, u.party_id, u.id);
      });
    },

    async keys() {
      const rows = await sql<KeyRow>`select * from ledger_keys order by created_at, id`.execute(db);
      return rows.rows.map((r) => ({ ...recordOf(r), anchor: r.anchor, retired: r.retired_at !== null }));
    },

    size: () => syncTree(),

    async entry(index) {
      const rows = await sql<{ line: string }>`select line from ledger_entries where idx = ${index}`.execute(db);
      return rows.rows[0] ? (JSON.parse(rows.rows[0].line) as EntryLine) : null;
    },

    async append(tx, input, who) {
      await lock(tx);
      return appendLocked(tx, input, await signersFor(tx, who.partyId, who.userId));
    },

    async root(size) {
      const n = await sizeChecked(size);
      return toHex(tree.root(n));
    },

    async inclusionProof(index, size) {
      const n = await sizeChecked(size);
      if (!Number.isSafeInteger(index) || index < 0 || index >= n) throw new RangeError(`no entry ${index} in a log of size ${n}`);
      return { index, size: n, leafHash: toHex(tree.leafHash(index)), proof: tree.inclusionProof(index, n).map(toHex), root: toHex(tree.root(n)) };
    },

    async consistencyProof(from, to) {
      const n = await sizeChecked(to);
      if (!Number.isSafeInteger(from) || from < 1 || from > n) throw new RangeError(`no consistency proof from ${from} to ${n}`);
      return {
        from,
        to: n,
        fromRoot: toHex(tree.root(from)),
        toRoot: toHex(tree.root(n)),
        proof: consistencyPath(from, n, tree.rangeHash).map(toHex),
      };
    },

    async rotateKey(partyId, userId) {
      return db.transaction().execute(async (tx) => {
        await lock(tx);
        const old = await currentKey(tx, partyId, userId ?? null);
        if (!old) throw new Error(`no current key for ${userId ?? partyId}`);
        const party = userId === undefined ? old : await partyKey(tx, partyId);
        await sql`update ledger_keys set retired_at = ${deps.now()} where id = ${old.id}`.execute(tx);
        const next = await createKey(tx, partyId, userId ?? null, false);
        await appendLocked(tx, {
          id: `key-rotation:${old.id}`,
          type: keyRotated.type,
          typeVersion: keyRotated.version,
          subject: userId === undefined ? `party:${partyId}` : `user:${userId}`,
          party: partyId,
          time: deps.now().toISOString(),
          payload: { replaces: old.id, key: recordOf(next) },
        }, [signerOf(party), signerOf(next)]);
        return recordOf(next);
      });
    },

    async revokeUserKey(partyId, userId, reason) {
      await db.transaction().execute(async (tx) => {
        await lock(tx);
        const key = await currentKey(tx, partyId, userId);
        if (!key) throw new Error(`no current key for ${userId}`);
        await sql`update ledger_keys set retired_at = ${deps.now()} where id = ${key.id}`.execute(tx);
        await appendLocked(tx, {
          id: `key-revocation:${key.id}`,
          type: keyRevoked.type,
          typeVersion: keyRevoked.version,
          subject: `user:${userId}`,
          party: partyId,
          time: deps.now().toISOString(),
          payload: { key: key.id, reason },
        }, [signerOf(await partyKey(tx, partyId))]);
      });
    },

    async latestCheckpoint() {
      const rows = await sql<{ size: string }>`select size from ledger_checkpoints order by size desc limit 1`.execute(db);
      return rows.rows[0] ? checkpointLine(Number(rows.rows[0].size)) : null;
    },

    async checkpoint(partyIds) {
      return db.transaction().execute(async (tx) => {
        await lock(tx);
        const n = Number((await sql<{ n: string }>`select coalesce(max(idx) + 1, 0) as n from ledger_entries`.execute(tx)).rows[0]!.n);
        // The lock keeps appends out while this process's tree catches up with what others committed.
        await syncTree(tx);
        if (tree.size !== n) throw new Error(`the log's tree has ${tree.size} entries, the table ${n}`);
        const root = toHex(tree.root(n));
        const log = await logIdIn(tx);
        const existing = await sql<{ root: string; time: string }>`select root, time from ledger_checkpoints where size = ${n}`.execute(tx);
        const time = existing.rows[0]?.time ?? deps.now().toISOString();
        if (existing.rows[0] && existing.rows[0].root !== root) throw new Error(`split view: a checkpoint of size ${n} has another root`);
        if (!existing.rows[0]) await sql`insert into ledger_checkpoints (size, root, time) values (${n}, ${root}, ${time})`.execute(tx);
        const signersNow: Signer[] = [];
        for (const partyId of partyIds) signersNow.push(signerOf(await partyKey(tx, partyId)));
        const signed = signCheckpoint({ log, size: n, root, time }, signersNow);
        for (const s of signed.sigs) {
          await sql`insert into ledger_checkpoint_signatures (size, key_id, sig) values (${n}, ${s.key}, ${s.sig})
            on conflict (size, key_id) do nothing`.execute(tx);
        }
        return signed;
      }).then(async (cp) => (await checkpointLine(cp.checkpoint.size))!);
    },

    caseSteps: (caseId) => caseStepsOf(db, deps, caseId),

    async *exportLines(options = {}) {
      if (options.finalCheckpoint ?? true) {
        const size = await syncTree();
        const latest = await ledger.latestCheckpoint();
        if (size > 0 && (!latest || latest.checkpoint.size < size)) {
          const parties = await sql<{ party_id: string }>`select distinct party_id from ledger_keys where user_id is null and retired_at is null order by party_id`.execute(db);
          await ledger.checkpoint(parties.rows.map((r) => r.party_id));
        }
      }
      const anchors = await sql<KeyRow>`select * from ledger_keys where anchor order by created_at, id`.execute(db);
      const header: HeaderLine = { kind: "header", format: LOG_FORMAT, log: await logIdIn(db), keys: anchors.rows.map(recordOf) };
      yield canonicalJson(header);
      const cps = await sql<{ size: string }>`select size from ledger_checkpoints order by size`.execute(db);
      const sizes = cps.rows.map((r) => Number(r.size));
      let c = 0;
      const emitCheckpoints = async function* (upTo: number): AsyncGenerator<string> {
        while (c < sizes.length && sizes[c]! <= upTo) {
          const line = await checkpointLine(sizes[c]!);
          if (line && line.checkpoint.size > 0) yield canonicalJson(line);
          c++;
        }
      };
      let from = 0;
      for (;;) {
        const rows = await sql<{ idx: string; line: string }>`select idx, line from ledger_entries
          where idx >= ${from} order by idx limit 10000`.execute(db);
        for (const r of rows.rows) {
          yield r.line;
          yield* emitCheckpoints(Number(r.idx) + 1);
        }
        if (rows.rows.length < 10000) break;
        from = Number(rows.rows.at(-1)!.idx) + 1;
      }
    },
  };

  return { ledger, recordAction: Object.assign(onAction, { batch: onActions }) };
}
