import type { Command } from "commander";
import { DEFAULT_DATA_DIR, openCliStore } from "./open-cli-store.ts";

// The encryption key's life: the key file holds the master key that wraps the store's working
// keys (data, index, commit). Rotating it writes a new key file and re-wraps those keys in one
// transaction; a rotation cut short is finished or forgotten at the next start.
export function registerKeyCommands(program: Command): void {
  const key = program.command("key").description("the encryption key file (HOMEWARD_KEY_FILE)");
  key
    .command("rotate")
    .description("replace the key file's master key with a new one; the old key file opens nothing afterwards (stop the servers first)")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (opts: { data: string }) => {
      const store = await openCliStore(opts.data);
      try {
        const { keyFile, rewrapped } = await store.rotateKey();
        process.stdout.write(`New master key in ${keyFile}; ${rewrapped} working keys re-wrapped. Back the new key file up: the old one no longer opens this database.\n`);
      } finally {
        await store.close();
      }
    });
}
