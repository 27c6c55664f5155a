import { HealthSummarySchema, withDefaultLabels, type HealthConsent, type HealthSummaryInput } from "../domain/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { DEMO_PARTIES } from "./demo-accounts.ts";
import type { DemoChannelCases } from "./demo-disclosures.ts";

// Health summaries of the disclosed children in the demo, with consents that release them to the
// tracing authority for some children and not for others, so the gate can be seen working:
// Богдан's summary reaches the tracing authority, Дарья's only the mediator, and the girl held by
// the tracing authority is released to the holding side. Synthetic throughout; idempotent.

interface DemoHealth {
  key: string;
  custodian: "holding" | "tracing";
  summary: HealthSummaryInput;
  recipients: string[];
  purposes: HealthConsent["purposes"];
}

const DEMO_HEALTH: readonly DemoHealth[] = [
  {
    key: "d-1", custodian: "holding", recipients: [DEMO_PARTIES.tracing.id, DEMO_PARTIES.mediator.id], purposes: ["TREAT", "COC", "FAMRQT"],
    summary: {
      date: "2026-03-02T10:00:00Z", author: "Children's services of the holding side (demo)",
      patient: { family: "Ткаченко", given: ["Богдан"], birthDate: "2012-06-14", gender: "male" },
      problems: [{ text: "Healed fracture of the left forearm", clinicalStatus: "resolved", onset: "2022-05" }],
      immunizations: [{ text: "Measles, mumps and rubella", status: "completed", date: "2013-07-01" }, { text: "Diphtheria, tetanus, pertussis booster", status: "completed", date: "2022-10" }],
      services: [
        { text: "Treatment of a fractured arm", category: "medical", status: "finished", period: { start: "2022-05", end: "2022-08" }, provider: "Regional children's hospital (synthetic)" },
        { text: "Weekly sessions with a child psychologist", category: "psychosocial", status: "in-progress", period: { start: "2022-09" }, provider: "NGO psychological support centre (synthetic)" },
      ],
      carePlans: [{ text: "Continue psychological support for a year after return", category: "psychosocial", status: "active" }],
      observations: [{ text: "Psychological assessment", category: "survey", status: "final", value: "Adjusting; misses his mother; sleeps poorly", date: "2023-01-15", labels: ["V", "PSY"] }],
    },
  },
  {
    key: "d-2", custodian: "holding", recipients: [DEMO_PARTIES.mediator.id], purposes: ["FAMRQT"],
    summary: {
      date: "2026-03-02T10:00:00Z", author: "Children's services of the holding side (demo)",
      patient: { family: "Мельник", given: ["Дарья"], birthDate: "2014-11", gender: "female" },
      allergies: [{ text: "Penicillin", clinicalStatus: "active", criticality: "high" }],
      medications: [{ text: "Cetirizine 5 mg", status: "active", dosage: "once daily in spring" }],
      services: [{ text: "Social worker's visits at the children's home", category: "social", status: "in-progress", period: { start: "2022-06" } }],
    },
  },
  {
    key: "reverse-held", custodian: "tracing", recipients: [DEMO_PARTIES.holding.id], purposes: ["TREAT", "FAMRQT"],
    summary: {
      date: "2026-03-05T10:00:00Z", author: "Children's services of the tracing side (demo)",
      patient: { family: "Воронцова", given: ["Анастасія"], birthDate: "2011-09-02", gender: "female" },
      problems: [{ text: "Mild hearing loss, right ear", clinicalStatus: "active", onset: "2023" }],
      services: [{ text: "Counselling after the loss of her home", category: "psychosocial", status: "finished", period: { start: "2023-04", end: "2023-12" } }],
    },
  },
];

export async function seedDemoHealth(store: Store, ctx: { tracing: RequestContext; holding: RequestContext }, cases: DemoChannelCases, now: Date): Promise<number> {
  // A consent in force for the year before and after the demo's clock: the same within a year, so a
  // restarted demo records nothing new.
  const year = now.getUTCFullYear();
  let seeded = 0;
  for (const h of DEMO_HEALTH) {
    const caseId = cases.get(h.key);
    if (caseId === undefined) continue;
    const owner = ctx[h.custodian];
    await store.healthSummaries.put(owner, caseId, withDefaultLabels(HealthSummarySchema.parse(h.summary)));
    await store.healthSummaries.putConsent(owner, caseId, {
      status: "active", dateTime: `${year - 1}-12-01T09:00:00Z`, grantor: { kind: "guardian", name: "Legal guardian (synthetic)" },
      recipients: h.recipients, purposes: h.purposes, period: { start: `${year - 1}-01-01`, end: `${year + 1}-12-31` },
    });
    seeded++;
  }
  return seeded;
}
