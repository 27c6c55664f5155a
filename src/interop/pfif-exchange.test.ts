import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../store/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { readPfif } from "./pfif.ts";
import { exportPfif, importPfif } from "./pfif-exchange.ts";

let a: Store;
let b: Store;
let tracing: RequestContext;
let holding: RequestContext;
let received: RequestContext;
const NOW = new Date("2026-06-01T00:00:00Z");

async function caseworker(store: Store, partyId: string): Promise<RequestContext> {
  const user = await store.users.create({ username: `cw-${partyId}`, passwordHash: "not-a-real-hash", partyId, role: "caseworker" });
  return { partyId, userId: user.id, role: "caseworker" };
}

beforeAll(async () => {
  a = await openStore();
  b = await openStore();
  await a.parties.ensure({ id: "tracing", name: "Tracing", kind: "tracing-authority" });
  await a.parties.ensure({ id: "holding", name: "Holding", kind: "holding-authority" });
  await b.parties.ensure({ id: "ngo", name: "NGO", kind: "ngo" });
  tracing = await caseworker(a, "tracing");
  holding = await caseworker(a, "holding");
  received = await caseworker(b, "ngo");
  const first = await a.cases.create(tracing, {
    names: [{ given: "Олександр", patronymic: "Іванович", family: "Коваленко", lang: "uk" }],
    sex: "M",
    birthDate: "2014-03",
    notes: "caseworker's private note",
    family: [{ relation: "mother", given: "Олена", family: "Коваленко", contact: { phone: "+380501112233" } }],
  }, { clientId: "c1" });
  await a.cases.appendAction(tracing, first.id, { type: "add-note", text: "Seen in Таганрог <school 5> & left" }, { clientId: "n1" });
  await a.cases.create(tracing, { names: [{ family: "Шевченко" }], sex: "F", birthDate: "2016-11-12" }, { clientId: "c2" });
  await a.cases.create(tracing, { names: [{ given: "Дитина" }], sex: "unknown" }, { clientId: "c3" });
  await a.shares.grant(tracing, first.id, "holding", "view");
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe("PFIF 1.4 export and import of cases", () => {
  it("round-trips names (patronymic included), sex, date of birth and notes between registries, and re-importing adds nothing", async () => {
    const out = await exportPfif(a, tracing, { domain: "tracing.example", now: NOW });
    expect(out).toMatchObject({ persons: 3, notes: 1 });
    const first = await importPfif(b, received, out.xml, NOW);
    expect(first).toMatchObject({ created: 3, existing: 0, notesAdded: 1, rejected: [] });
    const again = await importPfif(b, received, out.xml, NOW);
    expect(again).toMatchObject({ created: 0, existing: 3, notesAdded: 0, rejected: [] });

    const back = readPfif((await exportPfif(b, received, { domain: "ngo.example", now: NOW })).xml);
    const shared = (doc: ReturnType<typeof readPfif>) =>
      doc.persons.map((p) => [p.full_name, p.given_name, p.family_name, p.sex, p.date_of_birth]).sort();
    expect(shared(back)).toEqual(shared(readPfif(out.xml)));
    expect(back.notes.map((n) => n.text)).toEqual(["Seen in Таганрог <school 5> & left"]);
    const cases = await b.cases.list(received, { q: "Коваленко" });
    const view = await b.cases.get(received, cases.items[0]!.id);
    expect(view?.names[0]).toMatchObject({ given: "Олександр", patronymic: "Іванович", family: "Коваленко" });
  });

  it("lets out only what the party may see: no contact details or private notes, a shared case without its notes", async () => {
    const own = await exportPfif(a, tracing, { domain: "tracing.example", now: NOW });
    expect(own.xml).not.toContain("+380501112233");
    expect(own.xml).not.toContain("caseworker's private note");
    const theirs = await exportPfif(a, holding, { domain: "holding.example", now: NOW });
    const doc = readPfif(theirs.xml);
    expect(doc.persons.map((p) => p.family_name)).toEqual(["Коваленко"]);
    expect(doc.notes).toEqual([]);
    expect(theirs.xml).not.toContain("Таганрог");
  });

  it("honours expiry_date: an expired person is reported, not imported; records with problems are reported with every problem", async () => {
    const xml = `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
      <pfif:person><pfif:person_record_id>x.org/old</pfif:person_record_id><pfif:expiry_date>2026-05-31T23:59:59Z</pfif:expiry_date><pfif:full_name>Марія Бойко</pfif:full_name></pfif:person>
      <pfif:person><pfif:person_record_id>x.org/future</pfif:person_record_id><pfif:full_name>Іван</pfif:full_name><pfif:date_of_birth>2027</pfif:date_of_birth></pfif:person>
      <pfif:person><pfif:person_record_id>x.org/ok</pfif:person_record_id><pfif:expiry_date>2026-06-02T00:00:00Z</pfif:expiry_date><pfif:full_name>Анна Бойко</pfif:full_name>
        <pfif:note><pfif:note_record_id>x.org/n1</pfif:note_record_id><pfif:linked_person_record_id>y.org/7</pfif:linked_person_record_id><pfif:text>same child?</pfif:text></pfif:note>
      </pfif:person>
      <pfif:note><pfif:note_record_id>x.org/n2</pfif:note_record_id><pfif:person_record_id>x.org/old</pfif:person_record_id><pfif:text>note on the expired one</pfif:text></pfif:note>
    </pfif:pfif>`;
    const result = await importPfif(b, received, xml, NOW);
    expect(result.created).toBe(1);
    expect(result.rejected.map((r) => [r.record, r.problems[0]!.split(":")[0]])).toEqual([
      ["person x.org/old", "expiry_date"],
      ["person x.org/future", "date_of_birth"],
      ["note x.org/n1", "linked_person_record_id"],
      ["note x.org/n2", "person_record_id"],
    ]);
  });
});
