// A small, deterministic, fully signed log for tests, demos and benchmarks: three parties,
// their verifiers, actions, a report signed by all, a key rotation and a revocation.
import { z } from "zod";
import { utf8 } from "./bytes.ts";
import { generateKeyPair } from "./ed25519.ts";
import { signerFor, type Signer } from "./entry.ts";
import { defineEntryType, keyAdded, keyRevoked, keyRotated, reportSigned } from "./entry-types.ts";
import { Ledger } from "./ledger.ts";
import { hashCanonical, sha256, type Sha256 } from "./sha256.ts";

export const fixtureAction = defineEntryType({
  type: "fixture.action",
  version: 1,
  payload: z.strictObject({ n: z.number().int(), note: z.string() }),
});

/** Makes a signer from a 32-byte secret; the benchmarks pass a native one. */
export type SignerFactory = (secretKey: Uint8Array, party: string, user?: string) => Signer;

export function seededSigner(name: string, party: string, user?: string, factory: SignerFactory = signerFor): Signer {
  return factory(generateKeyPair(sha256(utf8(`homeward fixture key ${name}`))).secretKey, party, user);
}

export interface FixtureParties {
  tracing: Signer;
  holding: Signer;
  mediator: Signer;
  tracingVerifier: Signer;
  holdingVerifier: Signer;
  mediatorOfficer: Signer;
}

export function fixtureParties(factory: SignerFactory = signerFor): FixtureParties {
  return {
    tracing: seededSigner("tracing", "tracing-authority", undefined, factory),
    holding: seededSigner("holding", "holding-authority", undefined, factory),
    mediator: seededSigner("mediator", "mediator", undefined, factory),
    tracingVerifier: seededSigner("tracing-verifier", "tracing-authority", "verifier-t", factory),
    holdingVerifier: seededSigner("holding-verifier", "holding-authority", "verifier-h", factory),
    mediatorOfficer: seededSigner("mediator-officer", "mediator", "officer-m", factory),
  };
}

export const FIXTURE_REPORT = { kind: "identity-verification", case: "case:1", findings: "synthetic", language: "en" };

const time = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();

export interface FixtureLog {
  ledger: Ledger;
  parties: FixtureParties;
  /** The party key that replaced the tracing authority's first key. */
  rotatedTracing: Signer;
  reportHash: string;
  report: Record<string, unknown>;
}

/**
 * Builds a log of `actions` ordinary entries plus the key and report entries around them,
 * with a checkpoint co-signed by all three parties every `checkpointEvery` entries and at the end.
 */
export function buildFixtureLog(
  options: { actions?: number; checkpointEvery?: number; hash?: Sha256; signerFactory?: SignerFactory } = {},
): FixtureLog {
  const actions = options.actions ?? 12;
  const every = options.checkpointEvery ?? 8;
  const p = fixtureParties(options.signerFactory);
  const ledger = new Ledger({ log: "fixture-log", keys: [p.tracing.key, p.holding.key, p.mediator.key], hash: options.hash });
  let tick = 0;
  let tracing = p.tracing;
  const partySigners = (): Signer[] => [tracing, p.holding, p.mediator];
  const maybeCheckpoint = (): void => {
    if (ledger.size % every === 0) ledger.checkpoint(time(tick++), partySigners());
  };
  const add = (input: Parameters<Ledger["append"]>[0], signers: Signer[]): void => {
    ledger.append(input, signers);
    maybeCheckpoint();
  };

  for (const [party, verifier] of [
    [p.tracing, p.tracingVerifier],
    [p.holding, p.holdingVerifier],
    [p.mediator, p.mediatorOfficer],
  ] as const) {
    add(
      { id: `key-${verifier.key.id.slice(0, 12)}`, type: keyAdded.type, typeVersion: 1, subject: `party:${party.key.party}`, party: party.key.party, time: time(tick++), payload: { key: verifier.key } },
      [party, verifier],
    );
  }
  const owners = [p.tracing, p.holding, p.mediator];
  const half = Math.floor(actions / 2);
  for (let n = 0; n < actions; n++) {
    if (n === half) {
      const next = seededSigner("tracing-2", "tracing-authority", undefined, options.signerFactory);
      add(
        { id: "rotate-tracing-1", type: keyRotated.type, typeVersion: 1, subject: "party:tracing-authority", party: "tracing-authority", time: time(tick++), payload: { replaces: tracing.key.id, key: next.key } },
        [tracing, next],
      );
      tracing = next;
      owners[0] = next;
    }
    const owner = owners[n % 3]!;
    add(
      { id: `action-${n}`, type: fixtureAction.type, typeVersion: 1, subject: `case:${n % 5}`, party: owner.key.party, time: time(tick++), payload: { n, note: `action ${n}` } },
      [owner],
    );
  }
  const report = FIXTURE_REPORT;
  const reportHash = hashCanonical(report);
  const signings: [Signer, Signer, "tracing-verifier" | "holding-verifier" | "mediator"][] = [
    [tracing, p.tracingVerifier, "tracing-verifier"],
    [p.holding, p.holdingVerifier, "holding-verifier"],
    [p.mediator, p.mediatorOfficer, "mediator"],
  ];
  for (const [party, person, role] of signings) {
    add(
      { id: `report-1-${role}`, type: reportSigned.type, typeVersion: 1, subject: "case:1", party: party.key.party, user: person.key.user, time: time(tick++), payload: { report: "report-1", reportHash, role } },
      [party, person],
    );
  }
  add(
    { id: "revoke-holding-verifier", type: keyRevoked.type, typeVersion: 1, subject: "party:holding-authority", party: "holding-authority", time: time(tick++), payload: { key: p.holdingVerifier.key.id, reason: "left the office" } },
    [p.holding],
  );
  if (ledger.size % every !== 0) ledger.checkpoint(time(tick++), partySigners());
  return { ledger, parties: p, rotatedTracing: tracing, reportHash, report };
}
