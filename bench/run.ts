// Runs every benchmark in turn (each is also runnable alone as `npm run bench:NAME`).
// Benchmarks compete for the same two cores, so they never run side by side.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  scripts: Record<string, string>;
};
const only = process.argv.slice(2);
const names = Object.keys(pkg.scripts)
  .filter((s) => s.startsWith("bench:"))
  .filter((s) => only.length === 0 || only.some((o) => s.includes(o)));

const failed: string[] = [];
for (const name of names) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const run = spawnSync("npm", ["run", "--silent", name], { stdio: "inherit" });
  process.stdout.write(`=== ${name}: ${run.status === 0 ? "done" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===\n`);
  if (run.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  process.stderr.write(`failed: ${failed.join(", ")}\n`);
  process.exitCode = 1;
}
