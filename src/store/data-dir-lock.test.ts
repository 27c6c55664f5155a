import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock.ts";
import { openStore } from "./open-store.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "homeward-lock-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The id of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("the data directory lock", () => {
  it("keeps a second opener of the same data directory out, naming the holder", async () => {
    const store = await openStore({ dataDir: dir });
    try {
      const second = openStore({ dataDir: dir });
      await expect(second).rejects.toThrow(DataDirInUseError);
      await expect(second).rejects.toThrow(new RegExp(`in use by process ${process.pid}`));
    } finally {
      await store.close();
    }
  });

  it("is released on close, so the directory opens again", async () => {
    await (await openStore({ dataDir: dir })).close();
    const again = await openStore({ dataDir: dir });
    await again.close();
  });

  it("takes over a lock left behind by a process that died", async () => {
    await writeFile(join(dir, "homeward.lock"), `${await deadPid()}\n`);
    const release = await lockDataDir(dir);
    expect((await readFile(join(dir, "homeward.lock"), "utf8")).trim()).toBe(String(process.pid));
    await release();
  });

  it("refuses a lock held by a live process", async () => {
    await writeFile(join(dir, "homeward.lock"), `${process.pid}\n`);
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError);
  });
});
