import { readFileSync, writeFileSync } from "node:fs";
import { SingleBar, Presets } from "cli-progress";
import type { Command } from "commander";
import { stringify } from "csv-stringify/sync";
import { childPreset, crossScriptNormaliser, linkTables, parseSettings, SettingsError, type LinkPhase, type LinkSettings } from "../matching/index.ts";
import { readRecordsCsv } from "./link-csv.ts";
import { parallelComparer } from "./parallel-compare.ts";
import { parallelPreparer } from "./parallel-prepare.ts";

export interface LinkCommandOptions {
  out: string;
  threshold?: string;
  settings?: string;
  progress?: boolean;
  threads?: string;
}

export interface LinkIo {
  stderr: (text: string) => void;
  isTty: boolean;
}

const PHASES: LinkPhase[] = ["prepare", "block", "compare", "train", "score"];

/** Runs `homeward link`; returns the process exit code (0 ok, 2 bad input). */
export function runLink(leftPath: string, rightPath: string, opts: LinkCommandOptions, io: LinkIo): number {
  const started = performance.now();
  let settings: LinkSettings;
  try {
    settings = opts.settings ? parseSettings(readFileSync(opts.settings, "utf8")) : childPreset();
  } catch (e) {
    io.stderr(`${e instanceof SettingsError ? e.message : `cannot read settings: ${(e as Error).message}`}\n`);
    return 2;
  }
  let threshold: number | undefined;
  if (opts.threshold !== undefined) {
    threshold = Number(opts.threshold);
    if (!(threshold > 0 && threshold < 1)) {
      io.stderr(`--threshold must be a probability strictly between 0 and 1, got "${opts.threshold}"\n`);
      return 2;
    }
  }
  const tables = [leftPath, rightPath].map((path) => {
    const csv = readRecordsCsv(readFileSync(path, "utf8"), settings.idColumn);
    for (const p of csv.problems) io.stderr(`${path}:${p.line}: skipped: ${p.message}\n`);
    return csv;
  });
  const [left, right] = tables as [(typeof tables)[0], (typeof tables)[0]];

  const bar = opts.progress === false ? null : new SingleBar({ stream: process.stderr, format: "{phase} [{bar}] {percentage}%", noTTYOutput: !io.isTty, notTTYSchedule: 2000 }, Presets.shades_classic);
  bar?.start(100, 0, { phase: "prepare".padEnd(8) });
  const result = linkTables(left.rows, right.rows, settings, crossScriptNormaliser(), {
    threshold,
    // Two threads by default: a million records a side linked in 34 s instead of 45 s on an
    // otherwise quiet 2-core machine (no gain while other work keeps both cores busy; --threads 1).
    comparePairs: Number(opts.threads ?? 2) >= 2 ? parallelComparer() : undefined,
    // The worker normalises with the cross-script normaliser, the one used here.
    prepareTables: Number(opts.threads ?? 2) >= 2 ? parallelPreparer() : undefined,
    onProgress: (phase, fraction) => bar?.update(Math.round(((PHASES.indexOf(phase) + fraction) / PHASES.length) * 100), { phase: phase.padEnd(8) }),
  });
  bar?.update(100);
  bar?.stop();

  const m = result.matches;
  const fieldNames = settings.fields.map((f) => `${f.name}_evidence`);
  const rows: string[][] = [["left_id", "right_id", "match_probability", "match_weight", "review_flag", "competing_ids", "explanation", ...fieldNames]];
  for (let p = 0; p < m.count; p++) {
    const ex = result.explainMatch(p);
    const comp = (result.competitors.get(p) ?? []).map((c) => `${result.left.ids[c.left]}~${result.right.ids[c.right]}:${c.probability.toFixed(3)}`);
    rows.push([
      result.left.ids[m.left[p]!]!,
      result.right.ids[m.right[p]!]!,
      m.probability[p]!.toFixed(6),
      m.weight[p]!.toFixed(3),
      ex.flag,
      comp.join(" "),
      ex.text,
      ...ex.contributions.map((c) => `${c.weight >= 0 ? "+" : ""}${c.weight.toFixed(2)} ${c.level}`),
    ]);
  }
  writeFileSync(opts.out, stringify(rows));
  const seconds = (performance.now() - started) / 1000;
  const flagged = m.flags.reduce((s, f) => s + (f ? 1 : 0), 0);
  io.stderr(
    `linked ${left.rows.length} × ${right.rows.length} records: ${result.candidatePairs} pairs compared, ` +
      `${m.count} at or above ${(threshold ?? settings.thresholds.review).toString()} (${flagged} flagged for review as a set), ` +
      `${left.problems.length + right.problems.length} rows skipped, ${seconds.toFixed(2)} s\n`,
  );
  return 0;
}

export function registerLinkCommand(program: Command): void {
  program
    .command("link")
    .description("Find candidate pairs of the same child in two CSV lists (a person decides; nothing is merged)")
    .argument("<left>", "left CSV (UTF-8, header row)")
    .argument("<right>", "right CSV (UTF-8, header row)")
    .requiredOption("--out <file>", "output CSV of candidate pairs")
    .option("--threshold <p>", "lowest match probability to output (default: the settings' review threshold)")
    .option("--settings <file>", "linkage settings JSON (default: the built-in child-record preset)")
    .option("--no-progress", "no progress bar")
    .option("--threads <n>", "prepare the records and compare candidate pairs on 2 threads when n ≥ 2 (and 2 cores are available)", "2")
    .action((left: string, right: string, opts: LinkCommandOptions) => {
      const code = runLink(left, right, opts, { stderr: (t) => process.stderr.write(t), isTty: Boolean(process.stderr.isTTY) });
      if (code !== 0) process.exitCode = code;
    });
}
