#!/usr/bin/env node
import { buildProgram } from "./program.ts";
import { runCli } from "./cli-errors.ts";

await runCli(() => buildProgram().parseAsync(process.argv));
