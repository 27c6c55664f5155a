import { describe, expect, it } from "vitest";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openStore, resolveKeyFile } from "./open-store.ts";

describe("openStore", () => {
  it("keeps data in dataDir/pgdata with a 0600 key file beside it, readable after reopening", async () => {
    const dir = await mkdtemp(join(tmpdir(), "homeward-data-"));
    try {
      const ctx = { partyId: "tracing", userId: "u", role: "caseworker" as const };
      const first = await openStore({ dataDir: dir });
      let id: string;
      try {
        await first.parties.ensure({ id: "tracing", name: "Tracing", kind: "tracing-authority" });
        ({ id } = await first.cases.create(ctx, { names: [{ given: "Олена", family: "Шевченко" }], sex: "F", health: "allergy" }, { clientId: "c1" }));
      } finally {
        await first.close();
      }
      expect((await stat(join(dir, "pgdata"))).isDirectory()).toBe(true);
      expect((await stat(join(dir, "homeward.key"))).mode & 0o777).toBe(0o600);
      const second = await openStore({ dataDir: dir });
      try {
        expect(await second.migrate()).toEqual([]);
        expect((await second.cases.get(ctx, id))?.health).toBe("allergy");
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("finds the key file from the options, the data directory or the environment", () => {
    expect(resolveKeyFile({ keyFile: "/k/a.key", dataDir: "/d" })).toBe(resolve("/k/a.key"));
    expect(resolveKeyFile({ dataDir: "/d" })).toBe(resolve("/d/homeward.key"));
    expect(resolveKeyFile({})).toBeNull();
    const before = process.env.HOMEWARD_KEY_FILE;
    try {
      delete process.env.HOMEWARD_KEY_FILE;
      expect(resolveKeyFile({ databaseUrl: "postgres://x/y" })).toBe(resolve(".homeward/homeward.key"));
      process.env.HOMEWARD_KEY_FILE = "/etc/homeward/key";
      expect(resolveKeyFile({ databaseUrl: "postgres://x/y" })).toBe(resolve("/etc/homeward/key"));
    } finally {
      if (before === undefined) delete process.env.HOMEWARD_KEY_FILE;
      else process.env.HOMEWARD_KEY_FILE = before;
    }
  });
});
