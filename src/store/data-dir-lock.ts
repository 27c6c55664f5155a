// The embedded database serves one process: two processes opening one data directory would
// both write its files and corrupt them (say, `homeward log export --data` while `homeward
// serve` runs there). A lock file naming the holder's process id keeps a second opener out
// with a clear message; a lock left behind by a process that died is taken over.
import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

export class DataDirInUseError extends Error {
  readonly code = "data-dir-in-use";
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(
      `the data directory ${dir} is in use by process ${pid} (a running homeward serve?): stop it first, ` +
        `or share one PostgreSQL server between processes with DATABASE_URL. If no such process exists, ` +
        `delete ${join(dir, LOCK_FILE)}.`,
    );
    this.name = "DataDirInUseError";
    this.dir = dir;
    this.pid = pid;
  }
}

const LOCK_FILE = "homeward.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the directory's lock; resolves to the function that releases it. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = await open(path, "wx", 0o600);
      try {
        await file.writeFile(`${process.pid}\n`);
      } finally {
        await file.close();
      }
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await rm(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (Number.isSafeInteger(holder) && holder > 0 && alive(holder)) throw new DataDirInUseError(dir, holder);
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not take the lock of the data directory ${dir}`);
}
