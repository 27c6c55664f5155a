import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { NOTE_FIELDS, PERSON_FIELDS, PfifFormatError, readPfif, writePfif } from "./pfif.ts";
import type { PfifNote, PfifPerson } from "./pfif.ts";

// Written from the PFIF 1.4 specification's description of person and note records: a note
// nested in its person and one at the top level naming its person; another prefix than pfif.
const SPEC_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<p:pfif xmlns:p="http://zesty.ca/pfif/1.4">
  <p:person>
    <p:person_record_id>example.org/person.4040</p:person_record_id>
    <p:entry_date>2026-03-01T12:00:00Z</p:entry_date>
    <p:expiry_date>2027-03-01T12:00:00Z</p:expiry_date>
    <p:author_name>Olena Koval</p:author_name>
    <p:source_name>Example register</p:source_name>
    <p:source_date>2026-03-01T11:59:00Z</p:source_date>
    <p:full_name>Олександр Іванович Коваленко</p:full_name>
    <p:given_name>Олександр</p:given_name>
    <p:family_name>Коваленко</p:family_name>
    <p:alternate_names>Alexander Kovalenko</p:alternate_names>
    <p:sex>male</p:sex>
    <p:date_of_birth>2014-03</p:date_of_birth>
    <p:age>11-12</p:age>
    <p:home_city>Маріуполь</p:home_city>
    <p:home_country>UA</p:home_country>
    <p:note>
      <p:note_record_id>example.org/note.1</p:note_record_id>
      <p:entry_date>2026-03-02T09:00:00Z</p:entry_date>
      <p:author_name>Caseworker &amp; Co</p:author_name>
      <p:source_date>2026-03-02T08:00:00Z</p:source_date>
      <p:author_made_contact>false</p:author_made_contact>
      <p:status>information_sought</p:status>
      <p:last_known_location>Таганрог</p:last_known_location>
      <p:text>Seen at a school &lt;No. 5&gt;.</p:text>
    </p:note>
  </p:person>
  <p:note>
    <p:note_record_id>example.org/note.2</p:note_record_id>
    <p:person_record_id>example.org/person.4040</p:person_record_id>
    <p:linked_person_record_id>other.example/person.77</p:linked_person_record_id>
    <p:author_name>Mediator</p:author_name>
    <p:source_date>2026-03-03T08:00:00Z</p:source_date>
    <p:text>Possibly the same child as other.example/person.77.</p:text>
  </p:note>
</p:pfif>`;

describe("PFIF 1.4 reader", () => {
  it("reads a document written from the specification, nested and top-level notes, entities decoded", () => {
    const doc = readPfif(SPEC_SAMPLE);
    expect(doc.rejected).toEqual([]);
    expect(doc.persons).toHaveLength(1);
    expect(doc.persons[0]).toMatchObject({ person_record_id: "example.org/person.4040", sex: "male", date_of_birth: "2014-03", given_name: "Олександр", expiry_date: "2027-03-01T12:00:00Z" });
    expect(doc.notes.map((n) => [n.note_record_id, n.person_record_id])).toEqual([
      ["example.org/note.1", "example.org/person.4040"],
      ["example.org/note.2", "example.org/person.4040"],
    ]);
    expect(doc.notes[0]!.text).toBe("Seen at a school <No. 5>.");
    expect(doc.notes[0]!.author_name).toBe("Caseworker & Co");
    expect(doc.notes[1]!.linked_person_record_id).toBe("other.example/person.77");
  });

  it("refuses a document in another namespace (an older PFIF version) or not XML at all", () => {
    expect(() => readPfif(SPEC_SAMPLE.replace("pfif/1.4", "pfif/1.2"))).toThrow(PfifFormatError);
    expect(() => readPfif("<a><b></a>")).toThrow(PfifFormatError);
    expect(() => readPfif("<other/>")).toThrow(PfifFormatError);
  });

  it("lists every problem of a record it refuses, and keeps the good ones", () => {
    const xml = `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
      <pfif:person><pfif:person_record_id>no-slash</pfif:person_record_id><pfif:sex>boy</pfif:sex><pfif:date_of_birth>14.03.2014</pfif:date_of_birth></pfif:person>
      <pfif:person><pfif:person_record_id>ok.org/1</pfif:person_record_id><pfif:full_name>Марія</pfif:full_name></pfif:person>
      <pfif:note><pfif:note_record_id>ok.org/n1</pfif:note_record_id><pfif:person_record_id>ok.org/1</pfif:person_record_id><pfif:status>found</pfif:status></pfif:note>
    </pfif:pfif>`;
    const doc = readPfif(xml);
    expect(doc.persons.map((p) => p.person_record_id)).toEqual(["ok.org/1"]);
    expect(doc.rejected).toHaveLength(2);
    expect(doc.rejected[0]!.record).toBe("person 1 (no-slash)");
    expect(doc.rejected[0]!.problems.map((p) => p.split(":")[0])).toEqual(["person_record_id", "full_name", "sex", "date_of_birth"]);
    expect(doc.rejected[1]!.problems.map((p) => p.split(":")[0])).toEqual(["text", "status"]);
  });

  it("never throws anything but PfifFormatError on arbitrary text", () => {
    const fragments = fc.constantFrom("<pfif:pfif xmlns:pfif=\"http://zesty.ca/pfif/1.4\">", "</pfif:pfif>", "<pfif:person>", "</pfif:person>", "<pfif:note>", "</pfif:note>",
      "<pfif:person_record_id>a.b/1</pfif:person_record_id>", "<pfif:full_name>", "</pfif:full_name>", "&amp;", "&bogus;", "<![CDATA[x]]>", "<!DOCTYPE x>", "\u0000", "Іван");
    const text = fc.oneof(fc.string(), fc.array(fc.oneof(fragments, fc.string({ maxLength: 5 })), { maxLength: 30 }).map((p) => p.join("")));
    fc.assert(
      fc.property(text, (xml) => {
        try {
          const doc = readPfif(xml);
          for (const r of doc.rejected) expect(r.problems.length).toBeGreaterThan(0);
        } catch (e) {
          if (!(e instanceof PfifFormatError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("PFIF 1.4 writer", () => {
  const value = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[\u0000-\u001f\ufffe\uffff]/g, "").trim()).filter((s) => s !== "");

  it("writes what the reader reads back, field for field, whatever the text holds", () => {
    const person = fc.record({
      person_record_id: fc.constantFrom("a.org/1", "b.net/x-2"),
      full_name: value,
      description: value,
      home_city: value,
    }, { requiredKeys: ["person_record_id", "full_name"] });
    fc.assert(
      fc.property(person, value, (p, text) => {
        const note: PfifNote = { note_record_id: "a.org/n", person_record_id: p.person_record_id, text };
        const back = readPfif(writePfif({ persons: [p as PfifPerson], notes: [note] }));
        expect(back.rejected).toEqual([]);
        expect(back.persons).toEqual([p]);
        expect(back.notes).toEqual([note]);
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips every field of the specification sample", () => {
    const doc = readPfif(SPEC_SAMPLE);
    const again = readPfif(writePfif(doc));
    expect(again).toEqual(doc);
    const written = writePfif(doc);
    expect(written).toContain('<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">');
    // The specification's field order is kept.
    const order = PERSON_FIELDS.filter((f) => written.includes(`<pfif:${f}>`));
    expect(order.map((f) => written.indexOf(`<pfif:${f}>`))).toEqual([...order.map((f) => written.indexOf(`<pfif:${f}>`))].sort((a, b) => a - b));
    expect(NOTE_FIELDS.length).toBe(15);
  });
});
