import { describe, expect, it } from "vitest";
import { healthConsentPermits, type HealthConsent } from "./health-consent.ts";

const consent: HealthConsent = {
  status: "active",
  dateTime: "2026-05-01T10:00:00Z",
  grantor: { kind: "guardian" },
  recipients: ["ua-ombudsman", "mediator-office"],
  purposes: ["TREAT", "FAMRQT"],
  period: { start: "2026-05-01", end: "2026-06-30" },
};
const at = (iso: string) => new Date(iso);

describe("a health consent", () => {
  it("permits exactly the named parties for exactly the named purposes", () => {
    expect(healthConsentPermits(consent, { party: "ua-ombudsman", purpose: "TREAT", now: at("2026-05-10T00:00:00Z") })).toEqual({ permit: true });
    expect(healthConsentPermits(consent, { party: "mediator-office", purpose: "FAMRQT", now: at("2026-05-10T00:00:00Z") })).toEqual({ permit: true });
    expect(healthConsentPermits(consent, { party: "ru-commissioner", purpose: "TREAT", now: at("2026-05-10T00:00:00Z") })).toEqual({ permit: false, reason: "the consent does not name your party" });
    expect(healthConsentPermits(consent, { party: "ua-ombudsman", purpose: "PUBHLTH", now: at("2026-05-10T00:00:00Z") })).toEqual({ permit: false, reason: "the consent does not cover the purpose PUBHLTH" });
  });

  it("holds from the first instant of its start day through the last instant of its end day, not before or after", () => {
    const ask = (iso: string) => healthConsentPermits(consent, { party: "ua-ombudsman", purpose: "TREAT", now: at(iso) }).permit;
    expect(ask("2026-04-30T23:59:59.999Z")).toBe(false);
    expect(ask("2026-05-01T00:00:00Z")).toBe(true);
    expect(ask("2026-06-30T23:59:59.999Z")).toBe(true);
    expect(ask("2026-07-01T00:00:00Z")).toBe(false);
    const monthly = { ...consent, period: { start: "2026-05", end: "2026-06" } };
    expect(healthConsentPermits(monthly, { party: "ua-ombudsman", purpose: "TREAT", now: at("2026-06-30T12:00:00Z") }).permit).toBe(true);
    expect(healthConsentPermits(monthly, { party: "ua-ombudsman", purpose: "TREAT", now: at("2026-07-01T00:00:00Z") }).permit).toBe(false);
  });

  it("permits nothing once withdrawn, or when none is recorded", () => {
    expect(healthConsentPermits({ ...consent, status: "inactive" }, { party: "ua-ombudsman", purpose: "TREAT", now: at("2026-05-10T00:00:00Z") })).toEqual({ permit: false, reason: "the consent was withdrawn" });
    expect(healthConsentPermits(null, { party: "ua-ombudsman", purpose: "TREAT", now: at("2026-05-10T00:00:00Z") }).permit).toBe(false);
  });
});
