import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildProgram } from "./program.ts";
import { runLink } from "./link-command.ts";

const HEADER = "record_id,given_name,family_name,patronymic,sex,birth_date,birth_place,mother_name,father_name";

function files() {
  const dir = mkdtempSync(join(tmpdir(), "homeward-link-"));
  const left = join(dir, "left.csv");
  const right = join(dir, "right.csv");
  writeFileSync(left, [
    HEADER,
    "u1,Олександр,Коваленко,Петрович,ч,2014-03-07,Маріуполь,Ірина Коваленко,Петро Коваленко",
    "u2,Марія,Шевченко,,ж,07.11.2012,Херсон,Олена Шевченко,",
    "u3,Іван,Бондаренко,,ч,2015-01-02,Бахмут,Наталія Бондаренко,Андрій Бондаренко,surplus",
  ].join("\n"));
  writeFileSync(right, [
    HEADER,
    "r1,Aleksandr,Kovalenko,Petrovich,M,07.03.2014,Mariupol,Irina Kovalenko,Petr Kovalenko",
    "r2,Мария,Шевченко,,ж,2012-11-07,Херсон,Елена Шевченко,",
    "r3,Дмитрий,Иванов,,м,2010-05-05,Донецк,Анна Иванова,",
  ].join("\n"));
  return { dir, left, right, out: join(dir, "pairs.csv") };
}

describe("homeward link", () => {
  it("writes the contract header and one row per pair at or above the threshold, and reports skipped rows and figures", async () => {
    const f = files();
    let err = "";
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => ((err += String(chunk)), true)) as typeof process.stderr.write;
    try {
      await buildProgram().parseAsync(["node", "homeward", "link", f.left, f.right, "--out", f.out, "--threshold", "0.5", "--no-progress"]);
    } finally {
      process.stderr.write = write;
    }
    const text = readFileSync(f.out, "utf8");
    expect(text.split("\n")[0]!.startsWith("left_id,right_id,match_probability,")).toBe(true);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r.left_id}~${r.right_id}`).sort()).toEqual(["u1~r1", "u2~r2"]);
    for (const r of rows) {
      expect(Number(r.match_probability)).toBeGreaterThanOrEqual(0.5);
      expect(r.explanation).toMatch(/likely the same child/);
    }
    expect(err).toMatch(/left\.csv:4: skipped: expected 9 columns, found 10/);
    expect(err).toMatch(/pairs compared/);
    expect(err).toMatch(/\d+\.\d\d s/);
  });

  it("rejects a threshold outside (0, 1) and invalid settings with exit code 2", () => {
    const f = files();
    let err = "";
    const io = { stderr: (t: string) => void (err += t), isTty: false };
    expect(runLink(f.left, f.right, { out: f.out, threshold: "1.5", progress: false }, io)).toBe(2);
    expect(err).toMatch(/--threshold must be a probability/);
    const settings = join(f.dir, "s.json");
    writeFileSync(settings, JSON.stringify({ version: 1, fields: [], blocking: [] }));
    err = "";
    expect(runLink(f.left, f.right, { out: f.out, settings, progress: false }, io)).toBe(2);
    expect(err).toMatch(/invalid linkage settings/);
    expect(err).toMatch(/fields:/);
  });

  it("uses the review threshold by default, so a higher bar returns a subset", () => {
    const f = files();
    const io = { stderr: () => {}, isTty: false };
    expect(runLink(f.left, f.right, { out: f.out, progress: false }, io)).toBe(0);
    const def = parse(readFileSync(f.out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(runLink(f.left, f.right, { out: f.out, threshold: "0.999999", progress: false }, io)).toBe(0);
    const strict = parse(readFileSync(f.out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(def.every((r) => Number(r.match_probability) >= 0.9)).toBe(true);
    expect(strict.length).toBeLessThanOrEqual(def.length);
  });
});
