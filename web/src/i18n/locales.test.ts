import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en from "./locales/en.json" with { type: "json" };
import ru from "./locales/ru.json" with { type: "json" };
import uk from "./locales/uk.json" with { type: "json" };
import { findMissing, flatten, hardCodedText, keysUsed } from "./locale-check.ts";

const LOCALES = { en, ru, uk } as const;
const SRC = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(name) || name.endsWith(".test.ts") || name.endsWith(".d.ts")) return [];
    return [{ path, text: readFileSync(path, "utf8") }];
  });
}

describe("translations", () => {
  it("every key exists, non-empty, in Ukrainian, Russian and English alike", () => {
    const problems = findMissing(LOCALES);
    expect(problems).toEqual([]);
  });

  it("reports a key missing in one language (the check itself can fail)", () => {
    expect(findMissing({ en: { a: { b: "x", c: "y" } }, uk: { a: { b: "х" } } })).toEqual(["uk lacks a.c"]);
    expect(findMissing({ en: { a: "x" }, ru: { a: "" } })).toEqual(["ru has an empty a"]);
  });

  it("every key the code asks for is translated (literal keys, and the namespace of built keys)", () => {
    const keys = new Set(Object.keys(flatten(en)));
    const namespaces = new Set([...keys].map((k) => k.slice(0, k.lastIndexOf("."))));
    const missing: string[] = [];
    for (const { path, text } of sources(SRC)) {
      const used = keysUsed(text);
      for (const key of used.literal) if (!keys.has(key) && !keys.has(`${key}_one`)) missing.push(`${path}: ${key}`);
      for (const ns of used.prefixes) if (!namespaces.has(ns)) missing.push(`${path}: ${ns}.*`);
    }
    expect(missing).toEqual([]);
  });

  it("no text is written into the screens outside the translation files", () => {
    const found = sources(SRC).flatMap(({ path, text }) => hardCodedText(text).map((t) => `${path}: ${t}`));
    expect(found).toEqual([]);
    expect(hardCodedText(`<p className="x">Case saved</p>`)).toEqual(["Case saved"]);
    expect(hardCodedText(`<button aria-label="Close">{t("a")}</button>`)).toEqual(["Close"]);
    expect(hardCodedText(`<p>{t("a")} · {n}</p>`)).toEqual([]);
  });
});
