// Signed appends per second through the registry: each case action is appended to the signed
// log in the action's own transaction. Run: npm run bench:ledger-appends [-- --actions N]
import { availableParallelism, cpus } from "node:os";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "../src/store/index.ts";
import { createTestDatabase, pgReachable } from "../src/store/test-support/pg-test-db.ts";

const args = process.argv.slice(2);
const i = args.indexOf("--actions");
const ACTIONS = i >= 0 ? Number(args[i + 1]) : 2000;

async function run(name: string, store: Store): Promise<void> {
  await store.parties.ensure({ id: "tracing", name: "Tracing", kind: "tracing-authority" });
  const cw = await store.users.create({ username: "bench-cw", passwordHash: "not-a-real-hash", partyId: "tracing", role: "caseworker" });
  const ver = await store.users.create({ username: "bench-ver", passwordHash: "not-a-real-hash", partyId: "tracing", role: "verifier" });
  const ledger = store.ledger;
  await ledger.ensureKeys();
  const ctx = { partyId: "tracing", userId: cw.id, role: "caseworker" as const };
  const vctx = { partyId: "tracing", userId: ver.id, role: "verifier" as const };
  const before = await ledger.size();
  const t = performance.now();
  let actions = 0;
  let caseId = "";
  while (actions < ACTIONS) {
    if (actions % 2 === 0) {
      caseId = (await store.cases.create(ctx, { names: [{ given: "Олена", family: `Шевченко${actions}` }], sex: "F" }, { clientId: `c-${actions}` })).id;
    } else {
      // A verifier's action carries two signatures (party and person).
      await store.cases.appendAction(vctx, caseId, { type: "add-note", text: "checked" }, { clientId: `n-${actions}` });
    }
    actions++;
  }
  const s = (performance.now() - t) / 1000;
  const appended = (await ledger.size()) - before;
  console.log(`${name}: ${actions} case actions, ${appended} signed log entries in ${s.toFixed(1)} s = ${Math.round(appended / s)} signed appends/s (sequential, one transaction each)`);
  const t2 = performance.now();
  const proofs = 200;
  for (let k = 0; k < proofs; k++) await ledger.inclusionProof(Math.floor((k * 7919) % appended));
  console.log(`${name}: inclusion proof from the store: ${((performance.now() - t2) / proofs).toFixed(2)} ms each (tree cached in process)`);
}

console.log(`signed appends through the registry; ${cpus()[0]?.model ?? "cpu"} x${availableParallelism()} (machine shared with other work)`);
const dir = await mkdtemp(join(tmpdir(), "homeward-bench-"));
try {
  const pglite = await openStore({ dataDir: join(dir, "pglite") });
  try {
    await run("PGlite (files)", pglite);
  } finally {
    await pglite.close();
  }
  const unreachable = await pgReachable();
  if (unreachable) {
    console.log(`PostgreSQL skipped: ${unreachable}`);
  } else {
    const db = await createTestDatabase();
    const pg = await openStore({ databaseUrl: db.url, keyFile: join(dir, "pg.key") });
    try {
      await run("PostgreSQL", pg);
    } finally {
      await pg.close();
      await db.drop();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
