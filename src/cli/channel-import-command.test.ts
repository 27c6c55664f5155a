import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "csv-stringify/sync";
import iconv from "iconv-lite";
import { openStore } from "../store/index.ts";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(ROOT, "node_modules/.bin/node");
const MAIN = join(ROOT, "src/cli/main.ts");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(NODE, [MAIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("homeward import disclosures / tracing-requests", () => {
  it("imports each good row as the party's disclosed case, rejects bad rows with their line, and adds nothing when re-run", async () => {
    const dir = await mkdtemp(join(tmpdir(), "homeward-channel-import-"));
    dirs.push(dir);
    const data = join(dir, "data");
    const store = await openStore({ dataDir: data });
    for (const p of Object.values(DEMO_PARTIES)) await store.parties.ensure(p);
    await store.close();
    const file = join(dir, "disclosures.csv");
    await writeFile(file, stringify([
      ["record_id", "given_name", "family_name", "sex", "birth_date", "to", "mediator", "biography", "service_1_kind", "service_1_provider_type", "service_1_summary"],
      ["h-1", "Марія", "Шевченко", "F", "2013-05-02", "tracing-authority", "mediator", "In a children's home since 2022.", "medical", "municipal", "vaccinations"],
      ["h-2", "Іван", "Бондар", "M", "2012-01-09", "tracing-authority", "mediator", "", "", "", ""],
    ]));
    const first = await run(["import", "disclosures", file, "--party", DEMO_PARTIES.holding.id, "--data", data]);
    expect(first.stdout).toContain("1 created, 0 already imported, 1 rejected");
    expect(first.code).toBe(2);
    const rejected = await readFile(join(dir, "disclosures.rejected.csv"), "utf8");
    expect(rejected.split("\n")[1], rejected).toMatch(/^3,"?biography/);
    const again = await run(["import", "disclosures", file, "--party", DEMO_PARTIES.holding.id, "--data", data]);
    expect(again.stdout).toContain("0 created, 1 already imported");

    const requests = join(dir, "requests.csv");
    await writeFile(requests, stringify([["record_id", "given_name", "family_name", "sex", "to"], ["t-1", "Олег", "Бойко", "M", "holding-authority"]]));
    const tr = await run(["import", "tracing-requests", requests, "--party", DEMO_PARTIES.tracing.id, "--data", data]);
    expect(tr.code, tr.stderr).toBe(0);

    const check = await openStore({ dataDir: data });
    try {
      const holder = await check.users.findByUsername(`cli-import.${DEMO_PARTIES.holding.id}`);
      const ctx = { partyId: DEMO_PARTIES.holding.id, userId: holder!.id, role: "caseworker" as const };
      const list = await check.cases.list(ctx);
      const held = list.items.find((c) => c.party === DEMO_PARTIES.holding.id)!;
      expect(held.side).toBe("holding");
      expect((await check.disclosures.get(ctx, held.id)).services).toEqual([{ kind: "medical", providerType: "municipal", summary: "vaccinations" }]);
      expect((await check.tracingRequests.list(ctx)).items.map((i) => i.case.names[0]?.given)).toEqual(["Олег"]);
    } finally {
      await check.close();
    }
  }, 120_000);

  it("imports a Windows-1251, semicolon-separated disclosure file with Russian headers through --mapping", async () => {
    const dir = await mkdtemp(join(tmpdir(), "homeward-channel-import-"));
    dirs.push(dir);
    const data = join(dir, "data");
    const store = await openStore({ dataDir: data });
    for (const p of Object.values(DEMO_PARTIES)) await store.parties.ensure(p);
    await store.close();
    const mapping = join(dir, "ru-register.json");
    await writeFile(mapping, JSON.stringify({
      columns: { "Номер": "record_id", "Фамилия": "family_name", "Имя": "given_name", "Пол": "sex", "Биография": "biography", "Кому": "to", "Посредник": "mediator" },
      values: { sex: { "мальчик": "M", "девочка": "F" } },
    }));
    const file = join(dir, "disclosures.csv");
    await writeFile(file, iconv.encode([
      "Номер;Фамилия;Имя;Пол;Биография;Кому;Посредник",
      "R-1;Коваленко;Александр;мальчик;Доставлен из Мариуполя в 2022 году.;tracing-authority;mediator",
      "R-2;Шевченко;Мария;девочка;;tracing-authority;mediator",
    ].join("\r\n"), "win1251"));
    const first = await run(["import", "disclosures", file, "--party", DEMO_PARTIES.holding.id, "--data", data, "--mapping", mapping]);
    expect(first.stderr).toMatch(/windows-1251/);
    expect(first.stdout, first.stderr).toContain("1 created, 0 already imported, 1 rejected");
    expect(first.code).toBe(2);
    const rejected = await readFile(join(dir, "disclosures.rejected.csv"), "utf8");
    expect(rejected).toMatch(/^3,.*biography/m);
    const check = await openStore({ dataDir: data });
    try {
      const holder = await check.users.findByUsername(`cli-import.${DEMO_PARTIES.holding.id}`);
      const ctx = { partyId: DEMO_PARTIES.holding.id, userId: holder!.id, role: "caseworker" as const };
      const [held] = (await check.cases.list(ctx)).items;
      expect(held?.names[0]).toMatchObject({ given: "Александр", family: "Коваленко" });
      expect((await check.disclosures.get(ctx, held!.id)).biography).toBe("Доставлен из Мариуполя в 2022 году.");
    } finally {
      await check.close();
    }
  }, 120_000);
});
