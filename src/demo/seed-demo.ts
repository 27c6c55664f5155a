import { MAIN_PATH, policyFor } from "../domain/index.ts";
import type { CaseActionInput, CaseStatus } from "../domain/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { hashPassword } from "../server/passwords.ts";
import { DEMO_ACCOUNTS, DEMO_DISPLAY_PREFIX, DEMO_PARTIES, DEMO_PASSWORD } from "./demo-accounts.ts";
import { generateDemoCases } from "./generate-demo-cases.ts";
import { seedDemoReport } from "./demo-reports.ts";
import { seedDemoMatches, type SeededCase } from "./demo-matches.ts";
import { rotateDemoKey } from "./rotate-demo-key.ts";
import { seedDemoChannel } from "./demo-channel.ts";
import { seedDemoDisclosures } from "./demo-disclosures.ts";
import { seedDemoHealth } from "./demo-health.ts";
import { seedDemoThreads } from "./demo-threads.ts";
import type { DemoCase, DemoParty } from "./generate-demo-cases.ts";

export interface SeedResult {
  readonly accountsCreated: number;
  readonly casesCreated: number;
  readonly casesTotal: number;
}

export interface SeedOptions {
  readonly now?: Date;
  readonly families?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

type Actor = "owner" | "owner-verifier" | "mediator";
interface Step {
  readonly actor: Actor;
  readonly action: CaseActionInput;
}

const MAIN_STEPS: readonly Step[] = [
  { actor: "owner", action: { type: "register" } },
  { actor: "owner", action: { type: "locate" } },
  { actor: "owner-verifier", action: { type: "verify-identity", note: "Joint verification report prepared by both commissioners." } },
  { actor: "mediator", action: { type: "confirm-by-mediator" } },
  { actor: "mediator", action: { type: "schedule", batchId: "demo-batch-1" } },
  { actor: "owner", action: { type: "reunite" } },
  { actor: "owner-verifier", action: { type: "verify-post-return" } },
  { actor: "owner", action: { type: "close", reason: "Post-return follow-up completed." } },
];

function mainSteps(to: CaseStatus): Step[] {
  const index = (MAIN_PATH as readonly CaseStatus[]).indexOf(to);
  return MAIN_STEPS.slice(0, Math.max(0, index));
}

/** The steps that take a freshly reported demo case to its target status. */
export function stepsTo(status: CaseStatus, duplicateOf: string | undefined): Step[] {
  switch (status) {
    case "on-hold": return [...mainSteps("registered"), { actor: "owner", action: { type: "hold", reason: "Awaiting documents from the family." } }];
    case "withdrawn": return [...mainSteps("registered"), { actor: "owner", action: { type: "withdraw", reason: "The family found the child through other channels." } }];
    case "deceased": return [...mainSteps("registered"), { actor: "owner-verifier", action: { type: "record-death" } }];
    case "duplicate":
      return duplicateOf === undefined ? mainSteps("registered") : [...mainSteps("registered"), { actor: "owner", action: { type: "mark-duplicate", duplicateOf } }];
    case "declined-by-child": return [...mainSteps("located"), { actor: "owner", action: { type: "decline", by: "child" } }];
    case "declined-by-guardian": return [...mainSteps("located"), { actor: "owner", action: { type: "decline", by: "guardian" } }];
    case "declined-by-adult": return [...mainSteps("located"), { actor: "owner", action: { type: "decline", by: "adult" } }];
    default: return mainSteps(status);
  }
}

function needsMediator(steps: readonly Step[]): boolean {
  return steps.some((s) => s.actor === "mediator");
}

/**
 * Creates the demo parties, accounts and cases. Idempotent: every case and every step carries
 * a fixed client id, so running it again (every demo start does) adds nothing.
 */
export async function seedDemo(store: Store, options: SeedOptions = {}): Promise<SeedResult> {
  for (const party of Object.values(DEMO_PARTIES)) await store.parties.ensure(party);

  let accountsCreated = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const contexts = new Map<string, RequestContext>();
  for (const account of DEMO_ACCOUNTS) {
    let user = await store.users.findByUsername(account.username);
    if (user === null) {
      user = { ...(await store.users.create({ ...account, displayName: DEMO_DISPLAY_PREFIX + account.displayName, passwordHash })), passwordHash };
      accountsCreated++;
    } else if (user.disabled && user.displayName?.startsWith(DEMO_DISPLAY_PREFIX)) {
      await store.users.setDisabled(user.id, false);
    }
    contexts.set(account.username, { partyId: user.partyId, userId: user.id, role: user.role, purpose: "demo-seed" });
  }
  const ctxFor = (username: string): RequestContext => {
    const ctx = contexts.get(username);
    if (ctx === undefined) throw new Error(`demo account ${username} missing`);
    return ctx;
  };
  const ownerCtx: Readonly<Record<DemoParty, { caseworker: RequestContext; verifier: RequestContext }>> = {
    tracing: { caseworker: ctxFor("tracing"), verifier: ctxFor("tracing-verifier") },
    holding: { caseworker: ctxFor("holding"), verifier: ctxFor("holding-verifier") },
    ngo: { caseworker: ctxFor("ngo"), verifier: ctxFor("ngo") },
  };
  const mediator = ctxFor("mediator");

  const cases = generateDemoCases({ asOf: options.now ?? new Date(), ...(options.families === undefined ? {} : { families: options.families }) });
  const lastIdOfParty = new Map<DemoParty, string>();
  const seeded: (SeededCase & { readonly driven: boolean; readonly previousOfParty: string | undefined })[] = [];
  let casesCreated = 0;
  for (const demo of cases) {
    const created = await store.cases.create(ownerCtx[demo.party].caseworker, demo.input, { clientId: demo.clientId });
    if (!created.replayed) casesCreated++;
    seeded.push({ demo, id: created.id, driven: created.case.status === demo.status, previousOfParty: lastIdOfParty.get(demo.party) });
    lastIdOfParty.set(demo.party, created.id);
  }
  // Identity is agreed in the review queue before it is verified, and the tracing authority's key
  // is rotated once, so the steps that follow are signed by its new key.
  const evidence = await seedDemoMatches(store, seeded, { tracing: ownerCtx.tracing.caseworker, holding: ownerCtx.holding.caseworker });
  await rotateDemoKey(store);
  let done = 0;
  for (const s of seeded) {
    if (!s.driven) await driveCase(store, s.demo, s.id, ownerCtx[s.demo.party], mediator, s.previousOfParty, evidence.get(s.id));
    options.onProgress?.(++done, cases.length);
  }
  await seedDemoChannel(store, { tracing: ownerCtx.tracing.caseworker, tracingVerifier: ownerCtx.tracing.verifier, holding: ownerCtx.holding.caseworker, mediator }, options.now ?? new Date());
  const channelCases = await seedDemoDisclosures(store, { tracing: ownerCtx.tracing.caseworker, holding: ownerCtx.holding.caseworker });
  await seedDemoHealth(store, { tracing: ownerCtx.tracing.caseworker, holding: ownerCtx.holding.caseworker }, channelCases, options.now ?? new Date());
  await seedDemoThreads(store, { tracing: ownerCtx.tracing.caseworker, holding: ownerCtx.holding.caseworker, mediator }, channelCases);
  return { accountsCreated, casesCreated, casesTotal: cases.length };
}

async function driveCase(
  store: Store,
  demo: DemoCase,
  caseId: string,
  owner: { caseworker: RequestContext; verifier: RequestContext },
  mediator: RequestContext,
  previousOfParty: string | undefined,
  identityEvidence: string | undefined,
): Promise<void> {
  const steps = stepsTo(demo.status, previousOfParty);
  const ctxOf = (actor: Actor): RequestContext => (actor === "mediator" ? mediator : actor === "owner-verifier" ? owner.verifier : owner.caseworker);
  const act = (n: string, ctx: RequestContext, action: CaseActionInput) =>
    store.cases.appendAction(ctx, caseId, action, { clientId: `${demo.clientId}/${n}` });

  // Once located, each side sees the other's record of the child (without contact details),
  // and the mediator takes part in verification and handover.
  const located = steps.some((s) => s.action.type === "locate");
  if (demo.input.consent?.forSharing !== true) {
    if (located || needsMediator(steps)) throw new Error(`demo case ${demo.clientId} would be shared without consent`);
  } else if (located || needsMediator(steps)) {
    await act("share-mediator", owner.caseworker, { type: "share", partyId: DEMO_PARTIES.mediator.id, scope: "participate" });
  }
  if (located) {
    // "participate", not "view": the other side's verifier co-signs the joint verification report.
    const other = demo.party === "holding" ? DEMO_PARTIES.tracing.id : DEMO_PARTIES.holding.id;
    await act("share-counterpart", owner.caseworker, { type: "share", partyId: other, scope: "participate" });
  }
  // A case linked to the other party's (both accepted the match) has followed the steps taken
  // on that one already: only the steps still open from where it stands are taken here.
  const linked = (await store.cases.get(owner.caseworker, caseId))?.linkedCase !== undefined;
  const passed = async (step: Step): Promise<boolean> => {
    if (!linked) return false;
    const now = await store.cases.get(owner.caseworker, caseId);
    return now !== null && !policyFor(step.action.type).from.includes(now.status);
  };
  let n = 0;
  for (const step of steps) {
    if (await passed(step)) {
      n++;
      continue;
    }
    // Verification steps stand on a jointly signed report (src/demo/demo-reports.ts).
    await seedDemoReport(store, step.action.type, caseId, demo.clientId, owner.caseworker, identityEvidence);
    await act(`${++n}-${step.action.type}`, ctxOf(step.actor), step.action);
  }
}


/** Demo accounts share a published password: outside demo mode they must not work. */
export async function disableDemoAccounts(store: Store): Promise<number> {
  let disabled = 0;
  for (const user of await store.users.list()) {
    if (!user.disabled && user.displayName?.startsWith(DEMO_DISPLAY_PREFIX)) {
      await store.users.setDisabled(user.id, true);
      await store.sessions.revokeAllForUser(user.id);
      disabled++;
    }
  }
  return disabled;
}
