import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openStore } from "../store/index.ts";
import { chooseKeyFile } from "./open-cli-store.ts";

const run = promisify(execFile);
const main = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("where the CLI keeps the encryption key", () => {
  const root = mkdtempSync(join(tmpdir(), "homeward-keyfile-"));

  it("is HOMEWARD_KEY_FILE when set, else beside the data folder in production and inside it for the demo (with a warning)", async () => {
    const data = join(root, "data");
    expect(chooseKeyFile(data, {}, { HOMEWARD_KEY_FILE: "/secrets/homeward.key" })).toEqual({ file: "/secrets/homeward.key", warning: null });
    expect(chooseKeyFile(data, {}, {})).toEqual({ file: `${data}.key`, warning: null });
    const demo = chooseKeyFile(data, { demo: true }, {});
    expect(demo.file).toBe(join(data, "homeward.key"));
    expect(demo.warning).toMatch(/^demo: .*HOMEWARD_KEY_FILE/);
    // A key already in the data folder (made by the demo, or before the key moved out) is used, and named as out of place.
    await mkdir(data, { recursive: true });
    writeFileSync(join(data, "homeward.key"), "x");
    const legacy = chooseKeyFile(data, {}, {});
    expect(legacy.file).toBe(join(data, "homeward.key"));
    expect(legacy.warning).toMatch(/move it out of the folder and set HOMEWARD_KEY_FILE/);
  });

  it("homeward key rotate replaces the master key: the data opens with the new key file only (spawned process)", async () => {
    const data = join(root, "rotated");
    const keyFile = join(root, "secrets", "homeward.key");
    const store = await openStore({ dataDir: data, keyFile });
    await store.parties.ensure({ id: "tracing", name: "Tracing", kind: "tracing-authority" });
    const user = await store.users.create({ username: "t", passwordHash: "not-a-real-hash", partyId: "tracing", role: "caseworker" });
    const ctx = { partyId: "tracing", userId: user.id, role: "caseworker" as const };
    const { id } = await store.cases.create(ctx, { names: [{ given: "Олена", family: "Шевченко" }], sex: "F", birthDate: "2015-04-02" }, { clientId: "c" });
    await store.close();
    const before = readFileSync(keyFile, "utf8");

    const { stdout } = await run(process.execPath, [main, "key", "rotate", "--data", data], { env: { ...process.env, HOMEWARD_KEY_FILE: keyFile } });
    expect(stdout).toMatch(/New master key in .*; 3 working keys re-wrapped/);
    const after = readFileSync(keyFile, "utf8");
    expect(after).not.toBe(before);

    const reopened = await openStore({ dataDir: data, keyFile });
    try {
      expect(await reopened.cases.get(ctx, id)).toMatchObject({ names: [{ given: "Олена", family: "Шевченко" }], birthDate: "2015-04-02" });
      expect((await reopened.cases.list(ctx, { q: "Shevch" })).items.map((i) => i.id)).toEqual([id]);
    } finally {
      await reopened.close();
    }
    const oldKeyFile = join(root, "old.key");
    writeFileSync(oldKeyFile, before, { mode: 0o600 });
    await expect(openStore({ dataDir: data, keyFile: oldKeyFile })).rejects.toThrow(/does not open this database's keys/);
  }, 60_000);
});
