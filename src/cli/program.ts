import { Command } from "commander";
import { registerServeCommands } from "./serve-command.ts";
import { registerUserCommands } from "./user-command.ts";
import { registerPartyCommands } from "./party-command.ts";
import { registerImportCommands } from "./import-command.ts";
import { registerChannelImportCommands } from "./channel-import-command.ts";
import { registerPfifCommands } from "./pfif-command.ts";
import { registerFhirCommands } from "./fhir-command.ts";
import { registerLinkCommand } from "./link-command.ts";
import { registerLogCommands } from "./log-command.ts";
import { registerReportCommands } from "./report-command.ts";
import { registerMatchCommands } from "./match-command.ts";
import { registerWitnessCommands } from "./witness-command.ts";
import { registerKeyCommands } from "./key-command.ts";

// Each command family lives in its own file and registers itself here, so the program's
// shape is visible in one place.
export function buildProgram(): Command {
  const program = new Command("homeward")
    .description("Tracing children separated from their families by war and bringing them home")
    .showHelpAfterError();
  registerServeCommands(program);
  registerUserCommands(program);
  registerPartyCommands(program);
  registerImportCommands(program);
  registerChannelImportCommands(program);
  registerPfifCommands(program);
  registerFhirCommands(program);
  registerLinkCommand(program);
  registerLogCommands(program);
  registerReportCommands(program);
  registerMatchCommands(program);
  registerWitnessCommands(program);
  registerKeyCommands(program);
  return program;
}
