import { HealthSummarySchema, withDefaultLabels, type HealthConsent, type HealthSummary } from "../../domain/index.ts";

// Synthetic summaries for tests and the demo: no real child's data.

export function sampleHealthSummary(overrides: Partial<HealthSummary> = {}): HealthSummary {
  return withDefaultLabels(HealthSummarySchema.parse({
    date: "2026-05-14T09:30:00Z",
    author: "Children's services (holding side)",
    patient: { family: "Коваленко", given: ["Олександр"], birthDate: "2014-03-02", gender: "male" },
    problems: [{ text: "Asthma, mild intermittent", code: { system: "http://snomed.info/sct", code: "426979002", display: "Mild intermittent asthma" }, clinicalStatus: "active", onset: "2019" }],
    allergies: [],
    medications: [{ text: "Salbutamol inhaler 100 micrograms", status: "active", dosage: "2 puffs when needed" }],
    immunizations: [{ text: "Measles, mumps and rubella", status: "completed", date: "2015-04-10" }],
    services: [
      { text: "Weekly sessions with a child psychologist", category: "psychosocial", status: "finished", period: { start: "2023-02-01", end: "2023-09-30" }, provider: "Regional centre for psychological support" },
      { text: "Social worker's home visits", category: "social", status: "in-progress", period: { start: "2023-01-15" } },
    ],
    carePlans: [{ text: "Continue psychological support after return", category: "psychosocial", status: "active" }],
    observations: [{ text: "Psychological assessment", category: "survey", status: "final", value: "Signs of separation anxiety; sleeps poorly", date: "2023-03-01", labels: ["PSY", "V"] }],
    ...overrides,
  }));
}

export function sampleConsent(overrides: Partial<HealthConsent> = {}): HealthConsent {
  return {
    status: "active",
    dateTime: "2026-05-01T10:00:00Z",
    grantor: { kind: "guardian", name: "Legal guardian" },
    recipients: ["ua-ombudsman"],
    purposes: ["TREAT", "COC"],
    period: { start: "2026-05-01", end: "2026-12-31" },
    ...overrides,
  };
}
