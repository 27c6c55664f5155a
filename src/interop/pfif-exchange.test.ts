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

  it("maps linked_person_record_id: a link between two imported persons is kept on the case as a flag naming the other case, never a merge", async () => {
    const xml = `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
      <pfif:person><pfif:person_record_id>z.org/a</pfif:person_record_id><pfif:full_name>Олег Бойко</pfif:full_name></pfif:person>
      <pfif:person><pfif:person_record_id>z.org/b</pfif:person_record_id><pfif:full_name>Oleh Boiko</pfif:full_name></pfif:person>
      <pfif:note><pfif:note_record_id>z.org/link</pfif:note_record_id><pfif:person_record_id>z.org/a</pfif:person_record_id><pfif:linked_person_record_id>z.org/b</pfif:linked_person_record_id><pfif:text>Same boy, two spellings.</pfif:text></pfif:note>
      <pfif:note><pfif:note_record_id>z.org/self</pfif:note_record_id><pfif:person_record_id>z.org/a</pfif:person_record_id><pfif:linked_person_record_id>z.org/a</pfif:linked_person_record_id><pfif:text>x</pfif:text></pfif:note>
    </pfif:pfif>`;
    const result = await importPfif(b, received, xml, NOW);
    expect(result).toMatchObject({ created: 2, notesAdded: 1, rejected: [{ record: "note z.org/self", problems: ["linked_person_record_id: links the person to itself"] }] });
    const list = await b.cases.list(received, { q: "Бойко" });
    const a1 = list.items.find((c) => c.names.some((n) => n.given === "Олег"))!;
    const note = (await b.cases.history(received, a1.id)).find((h) => h.action?.type === "add-note")!;
    const text = (note.action as { text: string }).text;
    expect(text).toMatch(/^Same boy, two spellings\.\n\n\[PFIF link\] .*person record z\.org\/b \(case [0-9a-f-]{36}\)/);
    const again = await importPfif(b, received, xml, NOW);
    expect(again.notesAdded).toBe(0);
    expect((await b.cases.get(received, a1.id))?.status).not.toBe("duplicate");
  });

  it("exports a duplicate's link to the record it duplicates when the party sees both, and no link to a record it does not see", async () => {
    const c1 = await a.cases.create(tracing, { names: [{ given: "Ліна", family: "Гордієнко" }], sex: "F", birthDate: "2015-02-02" }, { clientId: "dup-1" });
    const c2 = await a.cases.create(tracing, { names: [{ given: "Лина", family: "Гордиенко" }], sex: "F", birthDate: "2015-02-02" }, { clientId: "dup-2" });
    await a.cases.appendAction(tracing, c2.id, { type: "mark-duplicate", duplicateOf: c1.id }, { clientId: "dup-2/mark" });
    const doc = readPfif((await exportPfif(a, tracing, { domain: "tracing.example", now: NOW })).xml);
    const links = doc.notes.filter((n) => n.linked_person_record_id !== undefined);
    expect(links).toEqual([expect.objectContaining({ person_record_id: `tracing.example/case.${c2.id}`, linked_person_record_id: `tracing.example/case.${c1.id}` })]);
    // The same duplicate exported by a party that sees only c2 would name c1: it does not.
    await a.shares.grant(tracing, c2.id, "holding", "view");
    const theirs = readPfif((await exportPfif(a, holding, { domain: "holding.example", now: NOW })).xml);
    expect(theirs.notes.some((n) => n.linked_person_record_id !== undefined)).toBe(false);
  });

  it("honours expiry_date on export: an imported record goes out with its expiry, and not at all once it has expired", async () => {
    const xml = `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
      <pfif:person><pfif:person_record_id>e.org/soon</pfif:person_record_id><pfif:expiry_date>2026-06-10T12:00:00Z</pfif:expiry_date><pfif:full_name>Тарас Кравець</pfif:full_name></pfif:person>
    </pfif:pfif>`;
    expect((await importPfif(b, received, xml, NOW)).created).toBe(1);
    const before = readPfif((await exportPfif(b, received, { domain: "ngo.example", now: NOW })).xml);
    expect(before.persons.find((p) => p.family_name === "Кравець")?.expiry_date).toBe("2026-06-10T12:00:00Z");
    const after = readPfif((await exportPfif(b, received, { domain: "ngo.example", now: new Date("2026-06-10T12:00:00Z") })).xml);
    expect(after.persons.some((p) => p.family_name === "Кравець")).toBe(false);
    expect(after.persons.every((p) => p.expiry_date === undefined || p.expiry_date > "2026-06-10T12:00:00Z")).toBe(true);
    expect(after.persons.some((p) => p.given_name === "Олег")).toBe(true);
  });
});
