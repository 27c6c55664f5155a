import type { CaseState } from "../../domain/index.ts";
import { atRestAad, type AtRest } from "../at-rest.ts";
import { readSummary } from "../cases/index.ts";
import type { MatchRecord } from "./match-records.ts";

// As term-counts.ts has them (repeated here: term-counts.ts reads records through this codec).
type TermKeys = Record<string, string[]>;
type TermFrequency = (field: string, key: string) => number | undefined;

// How matching keeps the child's identity off the disk (see ../at-rest.ts): the records it
// compares and the explanations of its candidates are sealed; blocking keys and counted term
// keys are keyed hashes, so lookups by equality work and a dump shows no name. Records stored
// in the clear before (a JSON array) are still read, and re-keyed by the sweep (the keys' version).

export interface MatchCodec {
  /** The case's state, its identity opened, from its stored summary. */
  state(caseId: string, summary: unknown): CaseState;
  /** The jsonb value of match_records.record for these variants. */
  sealRecords(caseId: string, variants: readonly MatchRecord[]): string;
  records(caseId: string, value: unknown): MatchRecord[];
  sealExplanation(tracingCase: string, holdingCase: string, value: unknown): string;
  explanation<T>(tracingCase: string, holdingCase: string, value: unknown): T;
  blockKeys(keys: readonly string[]): string[];
  termKeys(keys: TermKeys): TermKeys;
  /** The term frequency of clear text (what the scorer asks), from counts kept under hashed keys. */
  clearTermFrequency(tf: TermFrequency): TermFrequency;
  /** A party's reason for its decision on a candidate, sealed: free text may name the child. */
  sealReason(candidateId: string, side: "tracing" | "holding", reason: string): string;
  reason(candidateId: string, side: "tracing" | "holding", stored: string): string;
}

const pairId = (t: string, h: string): string => `${t}|${h}`;

function opened<T>(atRest: AtRest, value: unknown, aad: string): T {
  if (typeof value === "string" && !value.startsWith("[") && !value.startsWith("{")) return atRest.openJson<T>(value, aad);
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

export function matchCodec(atRest: AtRest): MatchCodec {
  const termKey = (field: string, key: string): string => atRest.lookupKeys(`term:${field}`, [key])[0]!;
  return {
    state: (caseId, summary) => readSummary(atRest, caseId, summary),
    sealRecords: (caseId, variants) => JSON.stringify(atRest.sealJson(variants, atRestAad("match_records", caseId, "record"))),
    records: (caseId, value) => opened<MatchRecord[]>(atRest, value, atRestAad("match_records", caseId, "record")),
    sealExplanation: (t, h, value) => JSON.stringify(atRest.sealJson(value, atRestAad("match_candidates", pairId(t, h), "explanation"))),
    explanation: <T>(t: string, h: string, value: unknown) => opened<T>(atRest, value, atRestAad("match_candidates", pairId(t, h), "explanation")),
    blockKeys: (keys) => atRest.lookupKeys("block", keys),
    termKeys(keys) {
      const out: TermKeys = {};
      for (const [field, list] of Object.entries(keys)) out[field] = [...new Set(atRest.lookupKeys(`term:${field}`, list))].sort();
      return out;
    },
    clearTermFrequency: (tf) => (field, key) => tf(field, termKey(field, key)),
    sealReason: (id, side, reason) => atRest.sealJson(reason, atRestAad("match_candidates", id, `${side}_reason`)),
    reason(id, side, stored) {
      try {
        return atRest.openJson<string>(stored, atRestAad("match_candidates", id, `${side}_reason`));
      } catch {
        // A reason written before reasons were sealed.
        return stored;
      }
    },
  };
}
