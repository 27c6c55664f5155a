import type { CaseOpening, CaseStepPayload, CheckpointLine, EntryInput, EntryLine, KeyRecord } from "../../ledger/index.ts";
import type { Tx } from "../types.ts";

export interface InclusionProof {
  index: number;
  size: number;
  leafHash: string;
  proof: string[];
  root: string;
}

export interface ConsistencyProof {
  from: number;
  to: number;
  fromRoot: string;
  toRoot: string;
  proof: string[];
}

export interface LedgerStore {
  logId(): Promise<string>;
  /** Party keys for every party and personal keys for every verifier and mediator. */
  ensureKeys(): Promise<void>;
  keys(): Promise<(KeyRecord & { anchor: boolean; retired: boolean })[]>;
  size(): Promise<number>;
  entry(index: number): Promise<EntryLine | null>;
  /** Appends inside the caller's transaction; idempotent by entry id. */
  append(tx: Tx, input: EntryInput, signer: { partyId: string; userId?: string }): Promise<{ index: number; line: EntryLine; created: boolean }>;
  root(size?: number): Promise<string>;
  inclusionProof(index: number, size?: number): Promise<InclusionProof>;
  consistencyProof(from: number, to?: number): Promise<ConsistencyProof>;
  latestCheckpoint(): Promise<CheckpointLine | null>;
  /** Replaces a party's (or a person's) key: the log records the new key, signed by the old one and itself. */
  rotateKey(partyId: string, userId?: string): Promise<KeyRecord>;
  /** Revokes a person's key (a party's own key is rotated, not revoked); it signs nothing afterwards. */
  revokeUserKey(partyId: string, userId: string, reason: string): Promise<void>;
  /** Signs a checkpoint of the current size with the given parties' keys (adding co-signatures to one of that size). */
  checkpoint(partyIds: readonly string[]): Promise<CheckpointLine>;
  /**
   * The opening of a case's commitments and its steps in the log (entry index, payload): what an
   * entitled reader needs to find the case's entries and check them (checkOpenedStep). No access
   * check here: the caller decides who may have it.
   */
  caseSteps(caseId: string): Promise<{ opening: CaseOpening; subject: string; steps: { index: number; payload: CaseStepPayload }[] }>;
  /** The export: header with anchor keys, entries and checkpoints, one JSON object a line. */
  exportLines(options?: { finalCheckpoint?: boolean }): AsyncGenerator<string>;
}

