import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { onPostgres } from "../store/test-support/postgres-suite.ts";
import { isolationWorld, type IsolationWorld, type Secret } from "./test-support/isolation-world.ts";

// The party-isolation matrix: every operation of the OpenAPI document, called by every role of
// every party (and anonymously) on the objects of every other party (its private case, the
// case's photo and report), and every list, search, queue, export and statistic called plainly
// and searching for the other parties' children. Nothing another party keeps to itself may come
// back: not its case's id, photo's or report's id, nor the words only its child's record holds,
// in any status; and no call naming another party's object in its path may succeed.

const NOW = new Date("2026-06-01T10:00:00Z");

interface Operation {
  method: string;
  path: string;
}

async function operations(w: IsolationWorld): Promise<Operation[]> {
  const doc = (await (await w.call(null, "GET", "/api/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ["get", "post", "put", "delete", "patch"].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
}

/** The objects of `s` that a path parameter may name, by the collection the path is in. */
function idsFor(path: string, s: Secret): string[] {
  if (path.startsWith("/api/photos/") || path.includes("attachmentId")) return s.photoId ? [s.photoId] : [];
  if (path.startsWith("/api/reports/")) return s.reportId ? [s.reportId] : [];
  if (path.startsWith("/api/cases/")) return [s.caseId];
  // Queues, threads, batches and anything else: try every object the party keeps.
  return [s.caseId, ...(s.photoId ? [s.photoId] : []), ...(s.reportId ? [s.reportId] : [])];
}

/** Concrete requests of one operation against a foreign party's secret (or none). */
function requestsFor(op: Operation, foreign: Secret): { method: string; url: string; body?: unknown; namesObject: boolean }[] {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const body = op.method === "GET" || op.method === "DELETE" ? undefined : { caseId: foreign.caseId, subject: { kind: "case", id: foreign.caseId }, parties: [foreign.party] };
  if (params.length === 0) {
    if (op.method !== "GET") return [];
    // Lists and searches, asked for the other party's child by every filter they might take.
    const family = foreign.canaries[1]!;
    const q = new URLSearchParams({ q: family, caseId: foreign.caseId, party: foreign.party, id: foreign.caseId });
    return [
      { method: "GET", url: op.path, namesObject: false },
      { method: "GET", url: `${op.path}?${q}`, namesObject: false },
    ];
  }
  if (params.includes("index")) {
    return [0, 1, 2, 3, 5, 8].map((i) => ({ method: op.method, url: op.path.replace("{index}", String(i)), namesObject: false }));
  }
  if (params.includes("kind")) return [];
  return idsFor(op.path, foreign).map((id) => ({
    method: op.method,
    url: op.path.replace(/\{\w+\}/g, id),
    ...(body === undefined ? {} : { body: { ...body, clientId: `iso-${id}`, action: { type: "mark-duplicate", duplicateOf: id } } }),
    namesObject: true,
  }));
}

/**
 * What must not come back from `url`. The signed log is public by design: a report's entries
 * carry the report's own random id (which names no case: the case is a salted commitment), so
 * only the report id is let through there.
 */
function canariesFor(url: string, s: Secret): string[] {
  return url.startsWith("/api/log") ? s.canaries.filter((c) => c !== s.reportId) : s.canaries;
}

function registerMatrix(label: string, open: () => Promise<Store>): void {
  describe(`party isolation on ${label}`, () => {
    let store: Store;
    let w: IsolationWorld;
    beforeAll(async () => {
      store = await open();
      w = await isolationWorld(store, () => NOW);
    }, 120_000);
    afterAll(() => store?.close());

    it("holds every private record of every party hidden from every role of every other party, on every route", async () => {
      const ops = await operations(w);
      expect(ops.length).toBeGreaterThan(50);
      expect(w.secrets.every((s) => s.photoId !== null)).toBe(true);
      const leaks: string[] = [];
      let calls = 0;
      let twoHundreds = 0;
      for (const [username, user] of w.tokens) {
        for (const foreign of w.secrets.filter((s) => s.party !== user.partyId)) {
          for (const op of ops) {
            for (const r of requestsFor(op, foreign)) {
              const res = await w.call(user.token, r.method, r.url, r.body);
              calls++;
              const text = Buffer.from(await res.arrayBuffer()).toString("latin1");
              const utf8 = Buffer.from(text, "latin1").toString("utf8");
              const found = canariesFor(r.url, foreign).filter((c) => utf8.includes(c) || text.includes(c));
              if (res.status >= 200 && res.status < 300) twoHundreds++;
              if (found.length > 0) leaks.push(`${username} ${r.method} ${r.url} -> ${res.status} shows ${found.join(", ")}`);
              else if (r.namesObject && res.status >= 200 && res.status < 300) leaks.push(`${username} ${r.method} ${r.url} -> ${res.status} on ${foreign.party}'s object`);
              if (res.status >= 500) leaks.push(`${username} ${r.method} ${r.url} -> ${res.status}`);
            }
          }
        }
      }
      // The matrix did look: many calls, lists among them answered.
      expect(calls).toBeGreaterThan(1000);
      expect(twoHundreds).toBeGreaterThan(100);
      expect(leaks).toEqual([]);
    }, 240_000);

    it("shows each party its own private record (the canaries are findable where they may be seen)", async () => {
      for (const s of w.secrets) {
        const [username] = [...w.tokens].find(([, u]) => u.partyId === s.party && u.role === "caseworker")!;
        const own = w.tokens.get(username)!;
        const res = await w.call(own.token, "GET", `/api/cases?q=${encodeURIComponent(s.canaries[1]!)}`);
        expect(await res.text()).toContain(s.caseId);
        const one = await w.call(own.token, "GET", `/api/cases/${s.caseId}`);
        expect(await one.text()).toContain(s.canaries[2]!);
      }
    });

    it("anonymous callers get nothing of any party's records", async () => {
      const ops = await operations(w);
      const leaks: string[] = [];
      for (const foreign of w.secrets) {
        for (const op of ops) {
          for (const r of requestsFor(op, foreign)) {
            const res = await w.call(null, r.method, r.url, r.body);
            const text = await res.text();
            const found = canariesFor(r.url, foreign).filter((c) => text.includes(c));
            if (found.length > 0 || (r.namesObject && res.status < 300) || res.status >= 500) leaks.push(`${r.method} ${r.url} -> ${res.status} ${found.join(", ")}`);
          }
        }
      }
      expect(leaks).toEqual([]);
    }, 120_000);
  });
}

registerMatrix("PGlite", () => openStore({ now: () => NOW }));

await onPostgres("party-isolation matrix", (place) => {
  registerMatrix("PostgreSQL", async () => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, now: () => NOW, poolSize: 4 });
  });
});
