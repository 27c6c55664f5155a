import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { comparePlaces, oblastCode, OBLASTS, placeById, placeCandidates, placeKey, placeNames, PLACES, placesOverlap } from "./places.ts";

describe("gazetteer data", () => {
  it("lists every city of Ukraine (461 in 2020, Crimea and Sevastopol included)", () => {
    expect(PLACES.filter((p) => p.kind === "city").length).toBeGreaterThanOrEqual(461);
  });

  it("has the raion centres of the occupied and front-line oblasts and Crimea", () => {
    for (const name of ["Мангуш", "Нікольське", "Старобешеве", "Біловодськ", "Новопсков", "Якимівка", "Більмак", "Каланчак", "Чаплинка", "Велика Писарівка", "Ріпки", "Борова", "Казанка", "Межова", "Роздольне"]) {
      expect([name, placeCandidates(name).length]).not.toEqual([name, 0]);
    }
  });

  it("gives every place a unique id and a known oblast", () => {
    const codes = new Set(OBLASTS.map((o) => o.code));
    const ids = new Set<string>();
    for (const p of PLACES) {
      expect(codes.has(p.oblast)).toBe(true);
      expect(ids.has(p.id)).toBe(false);
      ids.add(p.id);
    }
    for (const code of codes) expect(PLACES.some((p) => p.oblast === code)).toBe(true);
  });

  it("derives Latin names by the 2010 rules", () => {
    expect(placeById("UA-14:mariupol")?.latin).toBe("Mariupol");
    expect(placeById("UA-35:kropyvnytskyi")?.latin).toBe("Kropyvnytskyi");
    expect(placeById("UA-68:kamianets-podilskyi")?.latin).toBe("Kamianets-Podilskyi");
    expect(placeById("UA-18:zviahel")?.latin).toBe("Zviahel");
  });
});

describe("placeKey", () => {
  it.each([
    ["Бахмут", "Артемівськ", "Артёмовск", "Artemivsk", "Artyomovsk", "Bakhmut"],
    ["Дніпро", "Днепр", "Дніпропетровськ", "Днепропетровск", "Dnipropetrovsk", "Dnepropetrovsk", "Екатеринослав"],
    ["Кропивницький", "Кіровоград", "Кировоград", "Kirovograd", "Kirovohrad", "Єлисаветград", "Elisavetgrad", "Zinovievsk"],
    ["Маріуполь", "Мариуполь", "Mariupol", "Mariupol'", "Жданов", "Zhdanov"],
    ["Горлівка", "Горловка", "Horlivka", "Gorlovka"],
    ["Хмельницький", "Хмельницкий", "Khmelnytskyi", "Khmelnitsky", "Проскурів", "Proskurov"],
    ["Краматорськ", "Краматорск", "Kramatorsk"],
    ["Покровськ", "Красноармейск", "Krasnoarmiisk", "Pokrovsk"],
    ["Торецьк", "Дзержинск", "Dzerzhynsk", "Toretsk"],
    ["Кам'янське", "Днепродзержинск", "Kamianske", "Kamenskoe"],
    ["Чорноморськ", "Ильичёвск", "Illichivsk", "Chornomorsk"],
    ["Шептицький", "Червоноград", "Chervonohrad", "Sheptytskyi"],
    ["Сорокине", "Краснодон", "Krasnodon", "Sorokyne"],
    ["Кадіївка", "Стаханов", "Stakhanov", "Kadiivka"],
    ["Київ", "Киев", "Kyiv", "Kiev"],
    ["Сімферополь", "Симферополь", "Simferopol", "Ак-Мечеть", "Akmesdzhyt"],
  ])("resolves every spelling of %s to one place", (...names: string[]) => {
    const keys = new Set(names.map((n) => placeKey(n)));
    expect(keys.size).toBe(1);
    expect([...keys][0]).not.toBeNull();
    expect([...keys][0]).not.toContain("|");
  });

  it("reads place-type words, oblasts and the country around the name", () => {
    const id = placeKey("Маріуполь");
    expect(placeKey("м. Маріуполь, Донецька обл.")).toBe(id);
    expect(placeKey("г. Мариуполь (Донецкая область)")).toBe(id);
    expect(placeKey("Mariupol, Donetsk Oblast, Ukraine")).toBe(id);
    expect(placeKey("city of Mariupol")).toBe(id);
  });

  it("uses the oblast to choose between places that share a name", () => {
    expect(placeKey("Миколаїв")).toBe("UA-46:mykolaiv|UA-48:mykolaiv");
    expect(placeKey("Миколаїв, Львівська обл.")).toBe("UA-46:mykolaiv");
    expect(placeKey("Николаев", "Николаевская область")).toBe("UA-48:mykolaiv");
    expect(placeKey("Pervomaisk", "Luhansk Oblast")).toBe("UA-09:pervomaisk");
    expect(placeKey("Кировское, Донецкая обл.")).toBe("UA-14:khrestivka");
    expect(placesOverlap(placeKey("Миколаїв"), placeKey("Nikolaev, Mykolaivska oblast"))).toBe(true);
    expect(placesOverlap(placeKey("Миколаїв, Львівська"), placeKey("Nikolaev, Mykolaivska oblast"))).toBe(false);
  });

  it("lets a current name outrank a former one", () => {
    expect(placeKey("Олександрівськ")).toBe("UA-09:oleksandrivsk");
    expect(placeKey("Олександрівськ", "Запорізька")).toBe("UA-23:zaporizhzhia");
  });

  it("returns null for places it does not know", () => {
    expect(placeKey("Atlantis")).toBeNull();
    expect(placeKey("")).toBeNull();
  });

  it("resolves any spelling of any place, decorated, to that place (or a set including it)", () => {
    const arb = fc.record({
      place: fc.constantFrom(...PLACES),
      nameIndex: fc.nat(),
      prefix: fc.constantFrom("", "м. ", "г. ", "city of ", "смт "),
      withOblast: fc.boolean(),
    });
    fc.assert(fc.property(arb, ({ place, nameIndex, prefix, withOblast }) => {
      const names = placeNames(place);
      const name = names[nameIndex % names.length]!;
      const oblast = OBLASTS.find((o) => o.code === place.oblast)!;
      const text = `${prefix}${name}${withOblast ? `, ${oblast.russian} область` : ""}`;
      const key = placeKey(text);
      // Without an oblast a former name may yield to another place's current name.
      const current = [place.ukrainian, place.russian, place.latin].includes(name);
      if (place.formerMinor.includes(name)) return;
      if (withOblast || current) expect([text, placesOverlap(key, place.id)]).toEqual([text, true]);
      if (withOblast) expect([text, key]).toEqual([text, place.id]);
    }), { numRuns: 400 });
  });

  it("resolves every spelling of every place, given its oblast, to exactly that place", () => {
    for (const place of PLACES) {
      const oblast = OBLASTS.find((o) => o.code === place.oblast)!;
      for (const name of placeNames(place)) {
        if (place.formerMinor.includes(name)) continue;
        for (const hint of [oblast.ukrainian, oblast.russian, `${oblast.english} Oblast`]) {
          expect([name, hint, placeKey(name, hint)]).toEqual([name, hint, place.id]);
        }
      }
    }
  });

  it("never throws on any Unicode input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
      placeKey(a, b);
      comparePlaces(a, b);
      oblastCode(a);
    }));
  });
});

describe("oblastCode", () => {
  it.each([
    ["Донецька обл.", "UA-14"],
    ["Донецкая область", "UA-14"],
    ["Donetsk Oblast", "UA-14"],
    ["Donetska oblast", "UA-14"],
    ["Zaporozhye region", "UA-23"],
    ["АР Крим", "UA-43"],
    ["Республика Крым", "UA-43"],
    ["Kyiv Oblast", "UA-32"],
    ["Київська область", "UA-32"],
    ["Kyiv", "UA-30"],
    ["Хмельницька", "UA-68"],
  ])("reads %s as %s", (text, code) => {
    expect(oblastCode(text)).toBe(code);
  });

  it("reads every oblast's Ukrainian, Russian and English name", () => {
    for (const o of OBLASTS) {
      for (const n of [o.ukrainian, o.russian, o.english]) {
        if (o.code === "UA-30" || o.code === "UA-32") continue;
        expect([n, oblastCode(n)]).toEqual([n, o.code]);
      }
    }
  });
});

describe("comparePlaces", () => {
  it("names the level of agreement", () => {
    expect(comparePlaces("Бахмут", "Артёмовск")).toBe("same-place");
    expect(comparePlaces("Маріуполь", "Донецк")).toBe("same-oblast");
    expect(comparePlaces("Маріуполь", "Харків")).toBe("different");
    expect(comparePlaces("Маріуполь", "")).toBe("unknown");
    expect(comparePlaces("Маріуполь", "Atlantis")).toBe("unknown");
    expect(comparePlaces("с. Зелений Гай", "село Зеленый Гай")).toBe("same-name");
    expect(comparePlaces("Зелений Гай", "Atlantis")).toBe("unknown");
  });
});
