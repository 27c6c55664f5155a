// RFC 8785 (JCS): what is hashed and signed is always the canonical form, so two parties that
// hold the same data produce the same bytes whatever their JSON libraries do.
import canonicalize from "canonicalize";
import { utf8 } from "./bytes.ts";

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("value has no JSON representation");
  return text;
}

export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
