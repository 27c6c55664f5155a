import { hash } from "@node-rs/argon2";
import type { Store } from "../../store/index.ts";
import { DEMO_ACCOUNTS, DEMO_PARTIES } from "../../demo/demo-accounts.ts";
import { plantedJpeg } from "../../store/photos/test-support/planted-jpeg.ts";
import { createApp } from "../app.ts";
import { createLogger } from "../logger.ts";

// A registry of three parties that each keep a child to themselves (no share, no consent to
// sharing), with every role of every party signed in. The tracing and the holding authority hold
// the same child (same names and birth date), so a matcher that ignored consent would propose
// the pair; each private record also carries words no other record has, to look for anywhere.

export const PASSWORD = "isolation-matrix password";

/** The accounts: the demo's, and an auditor and an admin of the holding authority and a verifier of the NGO. */
export const USERS = [
  ...DEMO_ACCOUNTS,
  { username: "holding-auditor", partyId: DEMO_PARTIES.holding.id, role: "auditor" as const, displayName: "Holding auditor" },
  { username: "holding-admin", partyId: DEMO_PARTIES.holding.id, role: "admin" as const, displayName: "Holding admin" },
  { username: "ngo-verifier", partyId: DEMO_PARTIES.ngo.id, role: "verifier" as const, displayName: "NGO verifier" },
];

const OWNERS = [
  { party: DEMO_PARTIES.tracing.id, user: "tracing", verifier: "tracing-verifier", patronymic: "Зореславович", place: "Альфоград" },
  { party: DEMO_PARTIES.holding.id, user: "holding", verifier: "holding-verifier", patronymic: "Мирославович", place: "Бетопіль" },
  { party: DEMO_PARTIES.ngo.id, user: "ngo", verifier: "ngo-verifier", patronymic: "Ярополкович", place: "Гаммівка" },
];

export interface Secret {
  party: string;
  caseId: string;
  photoId: string | null;
  reportId: string | null;
  /** Text that only this party's own people may ever receive. */
  canaries: string[];
}

export interface IsolationWorld {
  app: ReturnType<typeof createApp>;
  tokens: Map<string, { token: string; partyId: string; role: string }>;
  secrets: Secret[];
  call(token: string | null, method: string, path: string, body?: unknown): Promise<Response>;
}

let n = 0;
const key = (): Record<string, string> => ({ "idempotency-key": `isolation-${process.pid}-${n++}` });

export async function isolationWorld(store: Store, now: () => Date): Promise<IsolationWorld> {
  for (const party of Object.values(DEMO_PARTIES)) await store.parties.ensure(party);
  const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  for (const a of USERS) await store.users.create({ ...a, passwordHash });
  const app = createApp({ store, logger: createLogger({ level: "silent" }), now });
  const call = (token: string | null, method: string, path: string, body?: unknown): Promise<Response> =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(method === "GET" ? {} : key()),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  const tokens = new Map<string, { token: string; partyId: string; role: string }>();
  for (const u of USERS) {
    const res = await call(null, "POST", "/api/session", { username: u.username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`sign-in ${u.username}: ${res.status}`);
    tokens.set(u.username, { token: ((await res.json()) as { token: string }).token, partyId: u.partyId, role: u.role });
  }
  const jpeg = await plantedJpeg();
  const secrets: Secret[] = [];
  for (const [i, o] of OWNERS.entries()) {
    const t = tokens.get(o.user)!.token;
    const same = i < 2;
    const input = {
      names: [{ given: same ? "Зоряна" : "Ростислава", family: same ? "Таємничук" : "Прихованюк", patronymic: o.patronymic }],
      sex: "F",
      birthDate: same ? "2013-02-14" : "2012-11-03",
      birthPlace: o.place,
      family: [{ relation: "mother", given: "Веселина", family: `${o.place}ська` }],
      consent: { forTracing: true, forSharing: false, givenBy: "guardian" },
    };
    const created = await call(t, "POST", "/api/cases", input);
    if (created.status !== 201) throw new Error(`case of ${o.party}: ${created.status} ${await created.text()}`);
    const caseId = ((await created.json()) as { id: string }).id;
    await call(t, "POST", `/api/cases/${caseId}/actions`, { clientId: `reg-${caseId}`, action: { type: "register" } });
    const photo = await app.request(`/api/cases/${caseId}/photos`, {
      method: "POST",
      headers: { authorization: `Bearer ${t}`, "content-type": "image/jpeg", ...key() },
      body: new Uint8Array(jpeg),
    });
    const photoId = photo.status === 201 ? ((await photo.json()) as { id: string }).id : null;
    const report = await call(t, "POST", `/api/cases/${caseId}/reports`, { kind: "identity", content: { identityEvidence: `records of ${o.place} agree` }, clientId: `rep-${caseId}` });
    const reportId = report.status === 201 ? ((await report.json()) as { id: string }).id : null;
    const canaries = [caseId, o.patronymic, o.place, ...(photoId ? [photoId] : []), ...(reportId ? [reportId] : [])];
    secrets.push({ party: o.party, caseId, photoId, reportId, canaries });
  }
  await store.matching.runPending();
  return { app, tokens, secrets, call };
}
