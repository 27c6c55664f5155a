import type { Command } from "commander";
import { Option } from "commander";
import { PARTY_KINDS, PartySchema } from "../domain/index.ts";
import type { PartyKind } from "../domain/index.ts";
import { DEFAULT_DATA_DIR, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";

interface PartyAddOptions {
  id: string;
  kind: PartyKind;
  name?: string;
  data: string;
}

export function registerPartyCommands(program: Command): void {
  const party = program.command("party").description("manage the parties of the channel");
  party
    .command("add")
    .description("add a party (no user is created; add users with `homeward user add`); adding one that exists with the same kind changes nothing")
    .requiredOption("--id <id>", "the party's id: lowercase letters, digits and dashes (e.g. tracing-authority)")
    .addOption(new Option("--kind <kind>", "what the party is").choices(PARTY_KINDS).makeOptionMandatory())
    .option("--name <name>", "the party's name as others see it (default: its id)")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (opts: PartyAddOptions, cmd: Command) => {
      const parsed = PartySchema.safeParse({ id: opts.id, name: opts.name ?? opts.id, kind: opts.kind });
      if (!parsed.success) fail(cmd, parsed.error.issues.map((i) => `${i.path.join(".") || "party"}: ${i.message}`).join("; "));
      const store = await openCliStore(opts.data);
      await reportErrors(cmd, async () => {
        try {
          const existing = await store.parties.get(parsed.data.id);
          if (existing !== null && existing.kind !== parsed.data.kind) {
            fail(cmd, `party "${existing.id}" exists already, as a ${existing.kind}`);
          }
          await store.parties.ensure(parsed.data);
          process.stdout.write(existing === null ? `Added party ${parsed.data.id} (${parsed.data.kind}).\n` : `Party ${parsed.data.id} exists already; nothing changed.\n`);
        } finally {
          await store.close();
        }
      });
    });
}
