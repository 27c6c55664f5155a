import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../store/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";
import { runLogVerify } from "./log-command.ts";
import { writeLines } from "./log-file.ts";

// The access log is tamper-evident: `homeward log verify LOG --access-log FILE.csv --party P`
// names the digest that a deleted or altered row no longer matches.

describe("homeward log verify --access-log", () => {
  let dir: string;
  let store: Store;
  let clock = new Date("2026-06-01T10:00:00Z");
  let exported = "";
  const tracing = DEMO_PARTIES.tracing.id;
  const ctx = (party: string, role: RequestContext["role"]): RequestContext => ({ partyId: party, userId: `${party}.${role}`, role, purpose: "api" });
  const logPath = () => join(dir, "log.jsonl");
  const csvPath = () => join(dir, "access-log.csv");

  async function verify(csv: string): Promise<{ code: number; out: string; err: string }> {
    await writeFile(csvPath(), csv);
    let out = "";
    let err = "";
    const code = await runLogVerify(logPath(), { accessLog: csvPath(), party: tracing, threads: "0" }, { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") });
    return { code, out, err };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "homeward-access-log-"));
    store = await openStore({ now: () => clock });
    for (const p of Object.values(DEMO_PARTIES)) await store.parties.ensure(p);
    const cw = ctx(tracing, "caseworker");
    const ids: string[] = [];
    for (const given of ["Олександр", "Марія", "Іван"]) {
      ids.push((await store.cases.create(cw, { names: [{ given, family: "Коваленко" }], sex: "M", birthDate: "2014-03-07" }, { clientId: given })).id);
    }
    for (const id of ids) {
      clock = new Date(clock.getTime() + 1000);
      await store.cases.get(cw, id);
      await store.cases.history(ctx(tracing, "auditor"), id);
    }
    clock = new Date(clock.getTime() + 60_000);
    let csv = "";
    for await (const chunk of store.accessLog.exportCsv(ctx(tracing, "auditor"))) csv += chunk;
    exported = csv;
    await writeLines(logPath(), store.ledger.exportLines());
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("accepts the untouched export: every digest matches", async () => {
    const { code, out, err } = await verify(exported);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/access log of tracing-authority: \d+ digests match the export's 9 committed rows/);
  });

  it("names the digest that a deleted row no longer matches", async () => {
    const lines = exported.trimEnd().split("\n");
    const deleted = [...lines.slice(0, 4), ...lines.slice(5)].join("\n") + "\n";
    const { code, err } = await verify(deleted);
    expect(code).toBe(1);
    expect(err).toMatch(/access-log digest at entry \d+ \(party tracing-authority, rows \d+\.\.\d+, 9 rows, digest [0-9a-f]{64}\) does not match the export: 1 row\(s\) of this run are missing \(deleted\)/);
  });

  it("names the digest that an altered row no longer matches", async () => {
    const lines = exported.trimEnd().split("\n");
    lines[5] = lines[5]!.replace(",history,", ",list,");
    const { code, err } = await verify(lines.join("\n") + "\n");
    expect(code).toBe(1);
    expect(err).toMatch(/access-log digest at entry \d+ .* does not match the export: a row of this run was altered/);
  });
});
