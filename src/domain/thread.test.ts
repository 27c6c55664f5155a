import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Actor, PartyKind } from "./party.ts";
import { MessageInputSchema, OpenThreadSchema, mayUseThread, threadOpeningProblem } from "./thread.ts";

const kinds = new Map<string, PartyKind>([
  ["med", "mediator"],
  ["ua", "tracing-authority"],
  ["ru", "holding-authority"],
]);
const pick = (...ids: string[]) => new Map(ids.map((id) => [id, kinds.get(id)!]));
const mediator: Actor = { userId: "m", partyId: "med", partyKind: "mediator", role: "mediator" };
const ua: Actor = { userId: "u", partyId: "ua", partyKind: "tracing-authority", role: "caseworker" };
const ruAuditor: Actor = { userId: "a", partyId: "ru", partyKind: "holding-authority", role: "auditor" };

describe("threads", () => {
  it("a party talks to the mediator; only the mediator brings both sides into one thread", () => {
    expect(threadOpeningProblem(ua, pick("ua", "med"))).toBeNull();
    expect(threadOpeningProblem(ua, pick("ua", "ru", "med"))?.field).toBe("parties");
    expect(threadOpeningProblem(ua, pick("ua", "ru"))?.field).toBe("mediator");
    expect(threadOpeningProblem(ua, pick("ru", "med"))?.field).toBe("parties");
    expect(threadOpeningProblem(mediator, pick("ua", "ru", "med"))).toBeNull();
    expect(threadOpeningProblem(mediator, pick("ru", "med"))).toBeNull();
    expect(threadOpeningProblem(ruAuditor, pick("ru", "med"))?.field).toBe("role");
  });

  it("only the people of a thread's parties who work cases read or write in it", () => {
    expect(mayUseThread(ua, ["ua", "med"])).toBe(true);
    expect(mayUseThread(mediator, ["ua", "med"])).toBe(true);
    expect(mayUseThread({ ...ua, partyId: "ru", partyKind: "holding-authority" }, ["ua", "med"])).toBe(false);
    expect(mayUseThread({ ...ruAuditor, partyId: "ua" }, ["ua", "med"])).toBe(false);
    expect(mayUseThread({ ...mediator, role: "admin" }, ["ua", "med"])).toBe(false);
  });

  it("names the failing field and never throws on arbitrary input", () => {
    const r = MessageInputSchema.safeParse({ text: "x", attachments: [{ filename: "../etc/passwd", contentType: "text/plain", data: "aGk=" }] });
    expect(r.error?.issues[0]?.path).toEqual(["attachments", 0, "filename"]);
    expect(MessageInputSchema.safeParse({ text: "x", attachments: [{ filename: "a.pdf", contentType: "application/pdf", data: "not base64!" }] }).success).toBe(false);
    fc.assert(
      fc.property(fc.anything(), (x) => {
        MessageInputSchema.safeParse(x);
        OpenThreadSchema.safeParse(x);
      }),
    );
  });
});
