// Checks on the translation files and on the screens' sources, used by the web app's tests.

type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a translation tree under its dotted key. */
export function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out[prefix + key] = value;
    else Object.assign(out, flatten(value, `${prefix}${key}.`));
  }
  return out;
}

/**
 * What each language lacks against the union of all: a key (plural keys by their base, each
 * language then needing the plural forms its own grammar uses) or a text left empty.
 */
export function findMissing(locales: Record<string, Tree>): string[] {
  const flat = Object.fromEntries(Object.entries(locales).map(([lang, tree]) => [lang, flatten(tree)]));
  const bases = new Set(Object.values(flat).flatMap((keys) => Object.keys(keys).map((k) => k.replace(PLURAL, ""))));
  const plural = new Set(Object.values(flat).flatMap((keys) => Object.keys(keys).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ""))));
  const problems: string[] = [];
  for (const [lang, keys] of Object.entries(flat)) {
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const base of [...bases].sort()) {
      const wanted = plural.has(base) ? forms.map((f) => `${base}_${f}`) : [base];
      for (const key of wanted) {
        if (!(key in keys)) problems.push(`${lang} lacks ${key}`);
        else if (keys[key]?.trim() === "") problems.push(`${lang} has an empty ${key}`);
      }
    }
  }
  return problems;
}

/** The translation keys a source file asks for: literal ones, and the namespaces of keys it builds. */
export function keysUsed(source: string): { literal: string[]; prefixes: string[] } {
  const literal = [...source.matchAll(/\bt\(\s*"([\w.]+)"/g)].map((m) => m[1] ?? "");
  const prefixes = [...source.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)].map((m) => m[1] ?? "");
  return { literal, prefixes };
}

/** Words written straight into JSX (text between tags, or a label-like attribute) rather than translated. */
export function hardCodedText(source: string): string[] {
  const found: string[] = [];
  const text = /(?:<[A-Za-z][\w.]*(?:\s[^<>]*?)?>|<\/[\w.]*>|<>)([^<>{}]+)(?=[<{])/gu;
  for (const m of source.matchAll(text)) {
    const words = (m[1] ?? "").trim();
    if (/\p{L}{2,}/u.test(words) && !/[;=()]/.test(words)) found.push(words);
  }
  const attribute = /\b(?:aria-label|title|placeholder|alt)="([^"]*\p{L}[^"]*)"/gu;
  for (const m of source.matchAll(attribute)) found.push(m[1] ?? "");
  return found;
}
