// A signed report as a self-contained file: the report's content, the log entries in which each
// party (and its verifier) signed the report's hash, an inclusion proof of each entry, and the
// co-signed checkpoint the proofs lead to. Anyone can check it offline.
import { z } from "zod";
import { fromHex, toHex, utf8 } from "./bytes.ts";
import { canonicalJson } from "./canonical-json.ts";
import { verifySignature } from "./ed25519.ts";
import { checkpointMessage, entryMessage } from "./entry.ts";
import { REPORT_ROLES, reportSigned, type ReportRole } from "./entry-types.ts";
import type { Ledger } from "./ledger.ts";
import { leafHash, verifyInclusion } from "./merkle.ts";
import { hashCanonical, sha256 as defaultSha256, type Sha256 } from "./sha256.ts";
import { checkpointLineSchema, entryLineSchema, hex32, keyRecordSchema, type CheckpointLine, type KeyRecord } from "./schemas.ts";

export const REPORT_FORMAT = "homeward-report/1";

export const signedReportSchema = z.strictObject({
  kind: z.literal("signed-report"),
  format: z.literal(REPORT_FORMAT),
  log: z.string().min(1),
  id: z.string().min(1),
  report: z.record(z.string(), z.unknown()),
  signatures: z.array(z.strictObject({ entry: entryLineSchema, proof: z.array(hex32) })).min(1),
  checkpoint: checkpointLineSchema,
  keys: z.array(keyRecordSchema),
});
export type SignedReport = z.infer<typeof signedReportSchema>;

/** Assembles the report file from the log: every report.signed entry for `id`, proven at the checkpoint. */
export function buildSignedReport(ledger: Ledger, id: string, report: Record<string, unknown>, checkpoint?: CheckpointLine): SignedReport {
  const cp = checkpoint ?? ledger.lastCheckpoint();
  if (!cp) throw new Error("the log has no checkpoint yet");
  const hash = hashCanonical(report);
  const signatures: SignedReport["signatures"] = [];
  for (const line of ledger.entryLines()) {
    const e = line.entry;
    if (e.index >= cp.checkpoint.size) break;
    if (e.type !== reportSigned.type || (e.body as { report?: string } | undefined)?.report !== id) continue;
    if ((e.body as { reportHash: string }).reportHash !== hash) continue;
    signatures.push({ entry: line, proof: ledger.tree.inclusionProof(e.index, cp.checkpoint.size).map(toHex) });
  }
  if (signatures.length === 0) throw new Error(`no signatures of report ${id} in the log up to size ${cp.checkpoint.size}`);
  const needed = new Set([...signatures.flatMap((s) => s.entry.sigs.map((x) => x.key)), ...cp.sigs.map((x) => x.key)]);
  const keys = ledger.keys().filter((k) => needed.has(k.id));
  return { kind: "signed-report", format: REPORT_FORMAT, log: ledger.log, id, report, signatures, checkpoint: cp, keys };
}

export interface ReportSignatureInfo {
  role: ReportRole;
  party: string;
  user?: string;
  index: number;
  time: string;
  entryHash: string;
}

export type ReportVerification =
  | {
      ok: true;
      reportHash: string;
      verificationCode: string;
      signatures: ReportSignatureInfo[];
      missingRoles: ReportRole[];
      checkpoint: { size: number; root: string; cosigners: string[] };
      keys: KeyRecord[];
    }
  | { ok: false; reason: string };

/** A short code people can read aloud or type to match a printed report to its file. */
export function verificationCode(reportHash: string): string {
  return reportHash.slice(0, 16).toUpperCase().match(/.{4}/g)!.join("-");
}

export function verifySignedReport(input: unknown, options: { pinnedKeys?: readonly KeyRecord[]; hash?: Sha256 } = {}): ReportVerification {
  const hash = options.hash ?? defaultSha256;
  const parsed = signedReportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: `not a signed report: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  const r = parsed.data;
  const keys = new Map<string, KeyRecord>();
  for (const k of options.pinnedKeys ?? r.keys) {
    if (toHex(hash(fromHex(k.publicKey))) !== k.id) return { ok: false, reason: `key ${k.id.slice(0, 16)}: id is not the SHA-256 of its public key` };
    keys.set(k.id, k);
  }
  const reportHash = hashCanonical(r.report, hash);
  const cp = r.checkpoint.checkpoint;
  if (cp.log !== r.log) return { ok: false, reason: "the checkpoint belongs to another log" };
  const root = fromHex(cp.root);
  const cpMessage = checkpointMessage(canonicalJson(cp));
  const cosigners: string[] = [];
  for (const s of r.checkpoint.sigs) {
    const key = keys.get(s.key);
    if (!key) return { ok: false, reason: `checkpoint signed by unknown key ${s.key.slice(0, 16)}` };
    if (key.user !== undefined) return { ok: false, reason: "checkpoints are signed by parties' keys, not persons'" };
    if (!verifySignature(fromHex(s.sig), cpMessage, fromHex(key.publicKey))) return { ok: false, reason: `checkpoint co-signature by ${key.party} does not verify` };
    cosigners.push(key.party);
  }
  const infos: ReportSignatureInfo[] = [];
  for (const [n, { entry: line, proof }] of r.signatures.entries()) {
    const e = line.entry;
    const where = `signature ${n + 1} (entry ${e.index})`;
    if (e.log !== r.log) return { ok: false, reason: `${where} belongs to another log` };
    if (e.type !== reportSigned.type || e.typeVersion !== reportSigned.version) return { ok: false, reason: `${where} is a ${e.type} entry, not a report signature` };
    const body = reportSigned.payload.safeParse(e.body);
    if (!body.success) return { ok: false, reason: `${where} has a malformed payload` };
    if (hashCanonical(body.data, hash) !== e.payloadHash) return { ok: false, reason: `${where}: payload does not match its hash` };
    if (body.data.report !== r.id) return { ok: false, reason: `${where} signs report ${body.data.report}, not ${r.id}` };
    if (body.data.reportHash !== reportHash) return { ok: false, reason: `${where} signs different report content (the report was changed)` };
    const message = entryMessage(canonicalJson(e));
    let partySigned = false;
    let userSigned = false;
    for (const s of line.sigs) {
      const key = keys.get(s.key);
      if (!key) return { ok: false, reason: `${where} is signed by unknown key ${s.key.slice(0, 16)}` };
      if (key.party !== e.party) return { ok: false, reason: `${where} is signed by a key of ${key.party}, not of ${e.party}` };
      if (key.user !== undefined && key.user !== e.user) return { ok: false, reason: `${where} is signed by user ${key.user}, not ${e.user ?? "nobody"}` };
      if (!verifySignature(fromHex(s.sig), message, fromHex(key.publicKey))) return { ok: false, reason: `${where}: signature by ${key.user ?? key.party} does not verify` };
      if (key.user === undefined) partySigned = true;
      else userSigned = true;
    }
    if (!partySigned || !userSigned) return { ok: false, reason: `${where} needs the signatures of both party ${e.party} and its verifier` };
    const leaf = leafHash(utf8(canonicalJson(line)), hash);
    const inclusion = verifyInclusion(e.index, cp.size, leaf, proof.map((p) => fromHex(p)), root, hash);
    if (!inclusion.ok) return { ok: false, reason: `${where} is not in the log at checkpoint size ${cp.size}: ${inclusion.reason}` };
    infos.push({ role: body.data.role, party: e.party, user: e.user, index: e.index, time: e.time, entryHash: toHex(leaf) });
  }
  const roles = new Set(infos.map((i) => i.role));
  return {
    ok: true,
    reportHash,
    verificationCode: verificationCode(reportHash),
    signatures: infos,
    missingRoles: REPORT_ROLES.filter((role) => role !== "drafter" && !roles.has(role)),
    checkpoint: { size: cp.size, root: cp.root, cosigners },
    keys: [...keys.values()],
  };
}

