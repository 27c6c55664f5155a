import { describe, expect, it } from "vitest";
import { ACCESS_POLICY, READ_POLICY, mayTake, viewFor } from "./access-policy.ts";
import { ACTION_TYPES } from "./case-action.ts";
import { CASE_STATUSES, MAIN_PATH, TERMINAL_STATUSES } from "./lifecycle.ts";

describe("access policy table", () => {
  it("has exactly one row per action type", () => {
    expect(ACCESS_POLICY.map((r) => r.action).sort()).toEqual([...ACTION_TYPES].sort());
  });

  it("leads along the main path one step at a time (and back only from a batch)", () => {
    const later = (r: (typeof ACCESS_POLICY)[number], i: number) => r.from.some((f) => MAIN_PATH.indexOf(f as (typeof MAIN_PATH)[number]) > i);
    expect(ACCESS_POLICY.filter((r) => MAIN_PATH.some((s, i) => r.to === s && later(r, i))).map((r) => r.action)).toEqual(["unschedule"]);
    for (let i = 1; i < MAIN_PATH.length; i++) {
      const rows = ACCESS_POLICY.filter((r) => r.to === MAIN_PATH[i] && !later(r, i));
      expect(rows.length, MAIN_PATH[i]).toBe(1);
      expect(rows[0]!.from).toEqual([MAIN_PATH[i - 1]]);
    }
  });

  it("lets no status change happen after a terminal status", () => {
    for (const row of ACCESS_POLICY) {
      if (row.to === "same") continue;
      for (const t of TERMINAL_STATUSES) expect(row.from, `${row.action} from ${t}`).not.toContain(t);
    }
  });

  it("reaches every status", () => {
    const reached = new Set<string>(["reported", "declined-by-child", "declined-by-guardian", "declined-by-adult"]);
    for (const row of ACCESS_POLICY) if (typeof row.to === "string") reached.add(row.to);
    for (const s of CASE_STATUSES) expect(reached.has(s), s).toBe(true);
  });

  it("names a signed-report precondition on the three verification steps", () => {
    const requiring = ACCESS_POLICY.filter((r) => r.requires).map((r) => r.action);
    expect(requiring.sort()).toEqual(["confirm-by-mediator", "verify-identity", "verify-post-return"]);
  });

  it("lets no one take the steps the store writes for linked cases", () => {
    for (const type of ["link-case", "follow-linked"] as const) {
      for (const relation of ["owner", "shared-participate", "shared-view"] as const) {
        for (const role of ["caseworker", "verifier", "mediator", "auditor", "admin"] as const) {
          for (const kind of ["tracing-authority", "holding-authority", "mediator", "ngo"] as const) expect(mayTake(type, relation, role, kind)).toBe(false);
        }
      }
    }
  });

  it("gives no party a step through a view-only share", () => {
    for (const type of ACTION_TYPES) {
      for (const role of ["caseworker", "verifier", "mediator", "auditor", "admin"] as const) {
        for (const kind of ["tracing-authority", "holding-authority", "mediator", "ngo"] as const) {
          expect(mayTake(type, "shared-view", role, kind)).toBe(false);
        }
      }
    }
  });

  it("never gives the full view outside the owning party, nor any view to admins", () => {
    for (const rule of READ_POLICY) if (rule.relation !== "owner") expect(rule.view).not.toBe("full");
    for (const relation of ["owner", "shared-view", "shared-participate"] as const) {
      expect(viewFor(relation, "admin", "tracing-authority")).toBeNull();
    }
    expect(viewFor(null, "caseworker", "tracing-authority")).toBeNull();
    expect(viewFor("shared-participate", "mediator", "mediator")).toBe("mediator");
    expect(viewFor("owner", "auditor", "tracing-authority")).toBe("auditor");
  });
});
