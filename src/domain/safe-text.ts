import { z } from "zod";

// Every piece of text the registry accepts, from any door (API bodies, queries, CSV rows,
// the CLI), goes through this one type. It refuses what would be stored wrongly or not at all:
// NUL (PostgreSQL text and jsonb cannot hold it), unpaired UTF-16 surrogates (no UTF-8 form),
// and control characters other than tab and newline (a CR only as part of CRLF), which hide
// text from a reader and break exports. Noncharacters U+FFFE and U+FFFF are refused for the same reason.

// Matches the first character that is not allowed. Without the u flag so that each surrogate
// is seen on its own.
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describe(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code === 0) return "a NUL character (U+0000)";
  if (code >= 0xd800 && code <= 0xdfff) return `an unpaired surrogate (${hex})`;
  return `a control character (${hex})`;
}

/** Why `text` may not be stored, or null when it may. */
export function unsafeTextReason(text: string): string | null {
  const m = UNSAFE.exec(text);
  if (m === null) return null;
  return `contains ${describe(m[0])} at position ${m.index}; text may not hold NUL, unpaired surrogates or control characters other than tab and newline`;
}

export function isSafeText(text: string): boolean {
  return !UNSAFE.test(text);
}

export interface TextOptions {
  min?: number;
  max: number;
  // Leading and trailing white space removed (default true).
  trim?: boolean;
}

/** A string schema that refuses unsafe characters, then trims and checks its length. */
export function text(options: TextOptions) {
  const base = z.string().check((ctx) => {
    const reason = unsafeTextReason(ctx.value);
    if (reason !== null) ctx.issues.push({ code: "custom", message: reason, input: ctx.value });
  });
  const trimmed = options.trim === false ? base : base.trim();
  const withMin = options.min === undefined ? trimmed : trimmed.min(options.min);
  return withMin.max(options.max);
}

/** Safe text that must not be empty once trimmed. */
export function requiredText(max: number) {
  return text({ min: 1, max });
}

/** Checks a value already parsed from JSON (any depth) for unsafe text in keys and strings; returns the first path found. */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; reason: string } | null {
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    return reason === null ? null : { path, reason };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyReason = unsafeTextReason(k);
      if (keyReason !== null) return { path: [...path, k], reason: `the field name ${keyReason}` };
      const found = findUnsafeText(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}
