// The log's side of witnessing: checkpoints published as C2SP signed notes under the log's own
// key (the only key the server keeps for the log), and the co-signatures of the witnesses that
// checked them. Witnesses hold their own keys; the server only verifies what they send.
import { sql } from "kysely";
import {
  cosignatureVerifier,
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatCheckpoint,
  formatSignatureLine,
  formatVerifierKey,
  fromHex,
  generateKeyPair,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  SIG_COSIGNATURE_ED25519,
  toBase64,
  type NoteSignature,
} from "../../ledger/index.ts";
import { ValidationError } from "../../domain/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { LedgerStore } from "../ledger/index.ts";
import type { WitnessingApi } from "./witnessing-types.ts";

const SECRET_AAD = "homeward:log-note-key";

interface Deps {
  ledger: LedgerStore;
  /** The origin line of the log's checkpoints; by default derived from the log's id. */
  origin?: string;
}

export function createWitnessingRepository(s: StoreInternals, deps: Deps): WitnessingApi {
  let key: Promise<{ origin: string; publicKey: Uint8Array; secretKey: Uint8Array }> | undefined;

  async function loadKey() {
    const read = () => sql<{ origin: string; public_key: Uint8Array; sealed_secret: Uint8Array }>`select origin, public_key, sealed_secret from log_note_key where id = 1`.execute(s.db);
    let row = (await read()).rows[0];
    if (row === undefined) {
      const origin = deps.origin ?? `homeward.invalid/${await deps.ledger.logId()}`;
      const pair = generateKeyPair();
      const sealed = s.box.seal(toBase64(pair.secretKey), SECRET_AAD);
      // Two processes starting at once: the first key written is the log's.
      await sql`insert into log_note_key (id, origin, public_key, sealed_secret) values (1, ${origin}, ${Buffer.from(pair.publicKey)}, ${Buffer.from(sealed)})
        on conflict (id) do nothing`.execute(s.db);
      row = (await read()).rows[0]!;
    }
    const secret = Buffer.from(s.box.open(new Uint8Array(row.sealed_secret), SECRET_AAD), "base64");
    return { origin: row.origin, publicKey: new Uint8Array(row.public_key), secretKey: new Uint8Array(secret) };
  }
  const logKey = () => (key ??= loadKey());

  async function noteOf(size: number): Promise<string | null> {
    const row = (await sql<{ text: string; log_signature: string }>`select text, log_signature from log_notes where size = ${size}`.execute(s.db)).rows[0];
    if (row === undefined) return null;
    const cosigs = await sql<{ line: string }>`select line from log_cosignatures where size = ${size} order by vkey`.execute(s.db);
    return `${row.text}\n${row.log_signature}${cosigs.rows.map((r) => r.line).join("")}`;
  }

  async function publish(size: number): Promise<void> {
    const k = await logKey();
    const root = fromHex(await deps.ledger.root(size), 32);
    const text = formatCheckpoint({ origin: k.origin, size, root, extensions: [] });
    const signer = ed25519NoteSigner(k.origin, k.secretKey, k.publicKey);
    const line = formatSignatureLine({ name: signer.name, keyId: signer.keyId, signature: signer.sign(text) });
    // Ed25519 is deterministic and the log append-only: a second writer would write the same row.
    await sql`insert into log_notes (size, root, text, log_signature) values (${size}, ${Buffer.from(root)}, ${text}, ${line})
      on conflict (size) do nothing`.execute(s.db);
  }

  async function witnesses() {
    return (await sql<{ name: string; vkey: string }>`select name, vkey from log_witnesses order by name, vkey`.execute(s.db)).rows;
  }

  return {
    async logKey() {
      const k = await logKey();
      return { origin: k.origin, vkey: formatVerifierKey(ed25519NoteVerifier(k.origin, k.publicKey)) };
    },
    async latestNote() {
      const size = await deps.ledger.size();
      if ((await noteOf(size)) === null) await publish(size);
      return { size, note: (await noteOf(size))! };
    },
    noteOf,
    async consistency(oldSize, newSize) {
      const current = await deps.ledger.size();
      if (!(oldSize >= 0 && oldSize <= newSize && newSize <= current)) {
        throw new ValidationError("old", `sizes must satisfy 0 <= old <= new <= ${current}`);
      }
      if (oldSize === 0 || oldSize === newSize) return [];
      const proof = await deps.ledger.consistencyProof(oldSize, newSize);
      return proof.proof.map((h) => toBase64(fromHex(h, 32)));
    },
    async addCosignatures(cosignedNote) {
      const parsed = parseNote(cosignedNote);
      if (!parsed.ok) throw new ValidationError("note", parsed.reason);
      const cp = parseCheckpoint(parsed.value.text);
      if (!cp.ok) throw new ValidationError("note", cp.reason);
      const stored = (await sql<{ text: string }>`select text from log_notes where size = ${cp.value.size}`.execute(s.db)).rows[0];
      if (stored === undefined || stored.text !== parsed.value.text) throw new ValidationError("note", "this log never published that checkpoint");
      return keepCosignatures(s, cp.value.size, parsed.value.text, parsed.value.signatures, await witnesses());
    },
    async addWitness(vkey) {
      const parsed = parseVerifierKey(vkey);
      if (!parsed.ok) throw new ValidationError("vkey", parsed.reason);
      if (parsed.value.type !== SIG_COSIGNATURE_ED25519) throw new ValidationError("vkey", "a witness key is an Ed25519 co-signature key (type 0x04)");
      const canonical = formatVerifierKey({ ...parsed.value });
      await sql`insert into log_witnesses (vkey, name) values (${canonical}, ${parsed.value.name}) on conflict (vkey) do nothing`.execute(s.db);
      return { name: parsed.value.name, vkey: canonical };
    },
    witnesses,
  };
}

async function keepCosignatures(s: StoreInternals, size: number, text: string, signatures: readonly NoteSignature[], known: { name: string; vkey: string }[]): Promise<string[]> {
  const kept: string[] = [];
  for (const w of known) {
    const parsed = parseVerifierKey(w.vkey);
    if (!parsed.ok) continue;
    const v = cosignatureVerifier(parsed.value.name, parsed.value.publicKey);
    const sig = signatures.find((x) => x.name === v.name && x.keyId === v.keyId);
    if (sig === undefined) continue;
    if (!v.verify(text, sig.signature)) throw new ValidationError("note", `the co-signature of ${v.name} does not verify`);
    await sql`insert into log_cosignatures (size, vkey, line, cosigned_at) values (${size}, ${w.vkey}, ${formatSignatureLine(sig)}, ${v.timeOf(sig.signature)!})
      on conflict (size, vkey) do update set line = excluded.line, cosigned_at = excluded.cosigned_at`.execute(s.db);
    kept.push(v.name);
  }
  if (kept.length === 0) throw new ValidationError("note", "no registered witness co-signed this checkpoint");
  return kept;
}

