// The channel in the demo: a completed return batch (both handovers, post-return checks, one
// of them overdue), a planned batch, a child who refused, an adult-track case and a child
// turning 18 within 90 days. Idempotent like the rest of the seed: fixed client ids throughout.
import type { CaseActionInput, CaseInput } from "../domain/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { DEMO_PARTIES } from "./demo-accounts.ts";
import { seedDemoReport } from "./demo-reports.ts";

export interface ChannelActors {
  tracing: RequestContext;
  tracingVerifier: RequestContext;
  holding: RequestContext;
  mediator: RequestContext;
}

const DAY = 86_400_000;
const day = (d: Date): string => d.toISOString().slice(0, 10);
// The same calendar day `years` earlier, moved by `days`.
function born(now: Date, years: number, days = 0): string {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return day(d);
}

function child(given: string, family: string, sex: "M" | "F", birthDate: string, adult = false): CaseInput {
  return {
    names: [{ given, family }],
    sex,
    birthDate,
    birthPlace: "Маріуполь",
    separation: { category: "deported" },
    consent: { forTracing: true, forSharing: true, givenBy: adult ? "person" : "guardian" },
  } as CaseInput;
}

export async function seedDemoChannel(store: Store, who: ChannelActors, now: Date): Promise<void> {
  const make = async (key: string, input: CaseInput): Promise<string> => (await store.cases.create(who.tracing, input, { clientId: `demo-channel/${key}` })).id;
  const act = (key: string, n: string, ctx: RequestContext, id: string, action: CaseActionInput) =>
    store.cases.appendAction(ctx, id, action, { clientId: `demo-channel/${key}/${n}` });
  const caseState = async (id: string) => (await store.cases.get(who.tracing, id))!.status;

  // Registered, shared with the holding side and the mediator, located by the holding side.
  async function located(key: string, input: CaseInput): Promise<string> {
    const id = await make(key, input);
    await act(key, "share-holding", who.tracing, id, { type: "share", partyId: DEMO_PARTIES.holding.id, scope: "participate" });
    await act(key, "share-mediator", who.tracing, id, { type: "share", partyId: DEMO_PARTIES.mediator.id, scope: "participate" });
    if ((await caseState(id)) === "reported") await act(key, "register", who.tracing, id, { type: "register" });
    if ((await caseState(id)) === "registered") await act(key, "locate", who.holding, id, { type: "locate", location: "Synthetic children's home" });
    return id;
  }
  // Verified by both sides, confirmed by the mediator, with the guardian's consent to return.
  async function ready(key: string, input: CaseInput): Promise<string> {
    const id = await located(key, input);
    if ((await caseState(id)) === "located") {
      await seedDemoReport(store, "verify-identity", id, `demo-channel/${key}`, who.tracing);
      await act(key, "verify", who.tracingVerifier, id, { type: "verify-identity" });
      await act(key, "confirm", who.mediator, id, { type: "confirm-by-mediator" });
      await act(key, "consent-return", who.tracing, id, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } });
    }
    return id;
  }

  // A batch completed forty days ago: both handovers confirmed, one post-return check done, one overdue.
  const handedOver = day(new Date(now.getTime() - 40 * DAY));
  const a = await ready("returned-1", child("Софія", "Бондаренко", "F", born(now, 11)));
  const b = await ready("returned-2", child("Артем", "Ткаченко", "M", born(now, 9)));
  const done = await store.batches.create(who.mediator, { name: "Return group 1 (demo)", from: DEMO_PARTIES.holding.id, to: DEMO_PARTIES.tracing.id, plannedDate: handedOver, handoverPoint: "Synthetic handover point" }, { clientId: "demo-channel/batch-1" });
  const b1 = done.batch.id;
  for (const id of [a, b]) await store.batches.addChild(who.mediator, b1, id);
  for (const to of ["confirmed", "in-transit"] as const) await store.batches.transition(who.mediator, b1, { to }, { clientId: `demo-channel/batch-1/${to}` });
  if ((await store.batches.get(who.mediator, b1))!.status === "in-transit") {
    for (const id of [a, b]) for (const ctx of [who.holding, who.tracing]) await store.batches.confirmHandover(ctx, b1, id, { on: handedOver });
  }
  await store.batches.transition(who.mediator, b1, { to: "completed" }, { clientId: "demo-channel/batch-1/completed" });
  if ((await caseState(a)) === "reunited") {
    await seedDemoReport(store, "verify-post-return", a, "demo-channel/returned-1", who.tracing);
    await act("returned-1", "post-return", who.tracingVerifier, a, { type: "verify-post-return" });
  }

  // A batch planned three weeks ahead, with one child.
  const c = await ready("planned-1", child("Марко", "Лисенко", "M", born(now, 7)));
  const planned = await store.batches.create(who.mediator, { name: "Return group 2 (demo)", from: DEMO_PARTIES.holding.id, to: DEMO_PARTIES.tracing.id, plannedDate: day(new Date(now.getTime() + 21 * DAY)), handoverPoint: "Synthetic handover point" }, { clientId: "demo-channel/batch-2" });
  await store.batches.addChild(who.mediator, planned.batch.id, c);

  // A child who, heard by a psychologist, does not want to go back: kept out of every batch.
  const refused = await located("refused", child("Олена", "Кравець", "F", born(now, 15)));
  await act("refused", "views", who.tracing, refused, { type: "record-views", views: "Synthetic demo: wishes to stay with her foster family for now.", stance: "refuses-return", heardBy: "psychologist (synthetic)" });

  // A young adult deported as a minor, and a child who turns 18 in about six weeks.
  await located("adult", child("Дмитро", "Савченко", "M", born(now, 19), true));
  await located("turning-18", child("Ірина", "Мельник", "F", born(now, 18, 45)));
  // The daily job, run once now: the adult's case moves to the adult track.
  await store.adultTrack.runDue();
}
