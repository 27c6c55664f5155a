import type { Command } from "commander";
import { modelSummary, type ModelSummary, type TrainedModel } from "../store/matching/index.ts";
import { DEFAULT_DATA_DIR, describeStore, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";

export interface Output {
  out(text: string): void;
}

const stdout: Output = { out: (t) => process.stdout.write(t + "\n") };

const num = (x: number, digits: number) => x.toFixed(digits);
const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(1)}`;

/** The model's m/u, one line per field and level. */
export function printModel(model: ModelSummary, io: Output): void {
  io.out(`model ${model.id} (${model.source}), stored ${model.createdAt}; prior lambda ${model.lambda.toPrecision(3)}`);
  const width = Math.max(...model.fields.flatMap((f) => f.levels.map((l) => l.level.length)), 5);
  io.out(`  ${"field".padEnd(14)} ${"level".padEnd(width)} ${"m".padStart(8)} ${"u".padStart(10)}  log2(m/u)`);
  for (const f of model.fields) {
    for (const [k, l] of f.levels.entries()) {
      io.out(`  ${(k === 0 ? f.field : "").padEnd(14)} ${l.level.padEnd(width)} ${num(l.m, 4).padStart(8)} ${l.u.toExponential(2).padStart(10)}  ${signed(l.weight).padStart(6)}`);
    }
  }
}

/** What training did, for people: records used, trained or kept, the EM sessions, the model now in use. */
export function printTraining(result: TrainedModel & { logIndex: number | null }, io: Output): void {
  const { tracing, holding } = result.records;
  io.out(`records used: ${tracing} tracing + ${holding} holding (one per case)`);
  if (!result.trained || result.report === null) {
    io.out("not trained: too few records to learn from (fewer than 250,000 possible pairs); the model in use is kept");
  } else {
    const r = result.report;
    io.out(`trained: u from ${r.randomPairs} random pairs; m by EM over ${r.emPairs} candidate pairs, one session per training rule:`);
    for (const s of r.sessions) io.out(`  ${s.rule}: ${s.pairs} pairs, share of matches ${num(s.lambda, 4)}, estimated ${s.estimated.join(", ") || "nothing"}`);
    io.out(`stored as the model in use${result.logIndex === null ? "" : `; signed log entry ${result.logIndex}`}`);
  }
  printModel(modelSummary(result), io);
}

export function registerMatchCommands(program: Command): void {
  const match = program.command("match").description("matching in the registry");
  match
    .command("train")
    .description(
      "learn m and u without labels (EM, u from random pairs) from the records stored for matching, one per case, and use them " +
      "from now on; with too few records the model in use is kept. A new model is a signed log entry of --party. " +
      "Candidates already stored keep their scores until their records are matched again.",
    )
    .requiredOption("--party <id>", "the party on whose behalf (its key signs the log entry)")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (opts: { party: string; data: string }, cmd: Command) => {
      const store = await openCliStore(opts.data);
      await reportErrors(cmd, async () => {
        try {
          if ((await store.parties.get(opts.party)) === null) {
            await store.close();
            fail(cmd, `unknown party "${opts.party}"`);
          }
          process.stderr.write(`training on the records in ${describeStore(store, opts.data)}\n`);
          printTraining(await store.matching.train(undefined, { partyId: opts.party }), stdout);
        } finally {
          await store.close();
        }
      });
    });
}
