export interface WitnessingApi {
  /** The log's origin line and its checkpoint verifier key (vkey, type 0x01). */
  logKey(): Promise<{ origin: string; vkey: string }>;
  /** The checkpoint of the log's current size as a signed note, with every co-signature kept for it. */
  latestNote(): Promise<{ size: number; note: string }>;
  /** A stored checkpoint note of this size, with its co-signatures, or null. */
  noteOf(size: number): Promise<string | null>;
  /** RFC 6962 consistency proof between two sizes, each hash in base64 (the witness protocol's form). */
  consistency(oldSize: number, newSize: number): Promise<string[]>;
  /** Keeps the co-signatures of registered witnesses found on a note the log signed; returns their names. */
  addCosignatures(cosignedNote: string): Promise<string[]>;
  /** Registers a witness by its verifier key (type 0x04); idempotent. */
  addWitness(vkey: string): Promise<{ name: string; vkey: string }>;
  witnesses(): Promise<{ name: string; vkey: string }[]>;
}
