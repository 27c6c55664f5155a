import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { createInterface } from "node:readline";
import { PARTY_KINDS, PartySchema, ROLES } from "../domain/index.ts";
import type { PartyKind, Role } from "../domain/index.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../server/index.ts";
import { DEFAULT_DATA_DIR, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";

interface UserAddOptions {
  username: string;
  party: string;
  role: Role;
  password?: string;
  displayName?: string;
  partyKind?: PartyKind;
  partyName?: string;
  data: string;
}

function username(value: string): string {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(value)) throw new InvalidArgumentError("2–64 lowercase letters, digits, dots, dashes or underscores");
  return value;
}

/** A hidden prompt on a terminal; otherwise the first line of standard input (for scripts). */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return "";
  }
  process.stderr.write("Password: ");
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("cancelled"));
          return;
        }
        if (ch === "\u007f") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("manage user accounts");
  user
    .command("add")
    .description("add a user; the password comes from --password, a hidden prompt, or the first line of standard input")
    .requiredOption("--username <name>", "login name", username)
    .requiredOption("--party <id>", "the party the user acts for (e.g. tracing-authority)")
    .addOption(new Option("--role <role>", "what the user may do").choices(ROLES).makeOptionMandatory())
    .option("--password <password>", "the password (visible in the process list: prefer the prompt or stdin)")
    .option("--display-name <name>", "a name shown to other users")
    .addOption(new Option("--party-kind <kind>", "create the party if it does not exist yet, of this kind").choices(PARTY_KINDS))
    .option("--party-name <name>", "name of a party created with --party-kind")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (opts: UserAddOptions, cmd: Command) => {
      const password = opts.password ?? (await readPassword());
      if (password.length < MIN_PASSWORD_LENGTH) fail(cmd, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      const store = await openCliStore(opts.data);
      await reportErrors(cmd, async () => {
        try {
          let party = await store.parties.get(opts.party);
          if (party === null && opts.partyKind !== undefined) {
            party = await store.parties.ensure(PartySchema.parse({ id: opts.party, name: opts.partyName ?? opts.party, kind: opts.partyKind }));
          }
          if (party === null) {
            const known = (await store.parties.list()).map((p) => p.id);
            fail(cmd, `unknown party "${opts.party}"${known.length ? ` (known: ${known.join(", ")})` : ""}; add --party-kind to create it`);
          }
          const created = await store.users.create({
            username: opts.username,
            passwordHash: await hashPassword(password),
            partyId: party.id,
            role: opts.role,
            ...(opts.displayName === undefined ? {} : { displayName: opts.displayName }),
          });
          process.stdout.write(`Added user ${created.username} (${created.role}, ${party.id}).\n`);
        } finally {
          await store.close();
        }
      });
    });
}
