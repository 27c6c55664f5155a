import type { Party, Role } from "../domain/index.ts";

export const DEMO_PASSWORD = "demo-password";
// Marks accounts that exist only while the server runs in demo mode.
export const DEMO_DISPLAY_PREFIX = "[demo] ";

export const DEMO_PARTIES = {
  tracing: { id: "tracing-authority", name: "Tracing authority (demo): the ombudsman's office", kind: "tracing-authority" },
  holding: { id: "holding-authority", name: "Holding authority (demo): the other side's children's commissioner", kind: "holding-authority" },
  mediator: { id: "mediator", name: "Mediator (demo): the mediating government's representative", kind: "mediator" },
  ngo: { id: "family-support-ngo", name: "Family support NGO (demo)", kind: "ngo" },
} as const satisfies Record<string, Party>;

export interface DemoAccount {
  readonly username: string;
  readonly partyId: string;
  readonly role: Role;
  readonly displayName: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "tracing", partyId: DEMO_PARTIES.tracing.id, role: "caseworker", displayName: "Tracing caseworker" },
  { username: "tracing-verifier", partyId: DEMO_PARTIES.tracing.id, role: "verifier", displayName: "Tracing verifier" },
  { username: "holding", partyId: DEMO_PARTIES.holding.id, role: "caseworker", displayName: "Holding caseworker" },
  { username: "holding-verifier", partyId: DEMO_PARTIES.holding.id, role: "verifier", displayName: "Holding verifier" },
  { username: "mediator", partyId: DEMO_PARTIES.mediator.id, role: "mediator", displayName: "Mediator" },
  { username: "auditor", partyId: DEMO_PARTIES.tracing.id, role: "auditor", displayName: "Auditor" },
  { username: "admin", partyId: DEMO_PARTIES.tracing.id, role: "admin", displayName: "Administrator" },
  // Not announced in the README: the NGO's caseworker registers the NGO's demo cases.
  { username: "ngo", partyId: DEMO_PARTIES.ngo.id, role: "caseworker", displayName: "NGO caseworker" },
];
