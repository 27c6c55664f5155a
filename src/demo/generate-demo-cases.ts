import {
  ADOPTIVE_SURNAMES, FAMILY_CITIES, GIVEN_NAMES, HOLDING_PLACES, NEW_GIVEN_NAMES, ORIGIN_PLACES,
  PATRONYMICS, STREETS, SURNAMES,
} from "./demo-names.ts";
import type { GivenName, Place, Surname } from "./demo-names.ts";
import { seededRandom } from "./random.ts";
import type { CaseInput, FamilyMemberInput, PersonNameInput, SeparationCategory } from "../domain/case-details.ts";
import { MAIN_PATH } from "../domain/lifecycle.ts";
import type { CaseStatus } from "../domain/lifecycle.ts";
import { adultStatus } from "../domain/partial-date.ts";
import type { Random } from "./random.ts";

export type DemoParty = "tracing" | "holding" | "ngo";

export interface DemoCase {
  /** Stable id: seeding uses it as the client id, so a second run creates nothing. */
  readonly clientId: string;
  readonly party: DemoParty;
  /** Children of one family share it (siblings, twins). */
  readonly familyKey: string;
  /** Another demo case that records the same child from the other side. */
  readonly sameChildAs?: string;
  readonly input: CaseInput;
  /** Where the seeder drives the case's lifecycle. */
  readonly status: CaseStatus;
}

export interface DemoOptions {
  readonly seed?: number;
  readonly families?: number;
  /** The day the cases are seeded: whether a child has turned 18 (and so who consents) depends on it. */
  readonly asOf?: Date;
}

const PROGRESS: readonly (readonly [CaseStatus, number])[] = [
  ["reported", 10], ["registered", 22], ["located", 14], ["identity-verified", 10],
  ["confirmed-by-mediator", 7], ["scheduled", 6], ["reunited", 9], ["post-return-verified", 6],
  ["closed", 4], ["on-hold", 4], ["withdrawn", 3], ["duplicate", 2], ["declined-by-child", 1],
  ["declined-by-guardian", 1], ["deceased", 2],
];
const UNLOCATED: ReadonlySet<CaseStatus> = new Set(["reported", "registered", "on-hold", "withdrawn", "duplicate", "deceased"]);

const NGO_STATUSES: ReadonlySet<CaseStatus> = new Set([
  "reported", "registered", "located", "on-hold", "withdrawn", "duplicate", "declined-by-child", "declined-by-guardian", "declined-by-adult",
]);

const CATEGORIES: readonly (readonly [SeparationCategory, number])[] = [
  ["deported", 45], ["forcibly-transferred", 20], ["evacuated-without-parents", 15],
  ["separated-across-line", 15], ["other", 5],
];

const pad = (n: number): string => String(n).padStart(2, "0");
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Family {
  readonly key: string;
  readonly surname: Surname;
  readonly patronymic: (typeof PATRONYMICS)[number];
  readonly mother: GivenName;
  readonly origin: Place;
  readonly category: SeparationCategory;
  readonly separationDate: string;
  readonly city: string;
  readonly address: string;
  readonly phone: string;
  readonly motherAlive: boolean;
  readonly holdingPlace: string;
}

function makeFamily(r: Random, index: number): Family {
  const year = r.weighted([[2022, 6], [2023, 3], [2024, 1]] as const);
  const month = year === 2022 ? r.int(3, 12) : r.int(1, 12);
  return {
    key: `demo-family-${String(index + 1).padStart(4, "0")}`,
    surname: r.pick(SURNAMES),
    patronymic: r.pick(PATRONYMICS),
    mother: r.pick(GIVEN_NAMES.filter((g) => g.sex === "F")),
    origin: r.pick(ORIGIN_PLACES),
    category: r.weighted(CATEGORIES),
    separationDate: `${year}-${pad(month)}-${pad(r.int(1, daysIn(year, month)))}`,
    city: r.pick(FAMILY_CITIES),
    address: `${r.pick(STREETS)}, ${r.int(1, 140)}, кв. ${r.int(1, 90)}`,
    phone: `+380 ${r.pick(["50", "63", "66", "67", "68", "73", "93", "95", "97", "98"])} ${r.int(100, 999)} ${pad(r.int(0, 99))} ${pad(r.int(0, 99))}`,
    motherAlive: r.chance(0.85),
    holdingPlace: r.pick(HOLDING_PLACES),
  };
}

interface Child {
  readonly sex: "M" | "F";
  readonly given: GivenName;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// A child is born before being separated: a birth drawn on or after the separation moves to the year before it.
function bornBefore(family: Family, year: number, month: number, day: number): number {
  return `${year}-${pad(month)}-${pad(day)}` >= family.separationDate ? Number(family.separationDate.slice(0, 4)) - 1 : year;
}

function birthDateText(r: Random, child: Child): { text: string; estimated: boolean } {
  const shape = r.weighted([["full", 82], ["month", 11], ["year", 7]] as const);
  if (shape === "year") return { text: String(child.year), estimated: r.chance(0.5) };
  if (shape === "month") return { text: `${child.year}-${pad(child.month)}`, estimated: false };
  return { text: `${child.year}-${pad(child.month)}-${pad(child.day)}`, estimated: false };
}

export function generateDemoCases(options: DemoOptions = {}): DemoCase[] {
  const r = seededRandom(options.seed ?? 20250301);
  const families = options.families ?? 170;
  const asOf = options.asOf ?? new Date("2026-01-01T00:00:00Z");
  const asOfYear = asOf.getUTCFullYear();
  const out: DemoCase[] = [];

  for (let f = 0; f < families; f++) {
    const family = f === 0 ? flagshipFamily(r) : makeFamily(r, f);
    const size = f === 0 ? 1 : r.weighted([[1, 68], [2, 20], [3, 8], [4, 4]] as const);
    const twins = size >= 2 && r.chance(0.2);
    const children: Child[] = [];
    for (let c = 0; c < size; c++) {
      const sex = f === 0 ? "M" : r.chance(0.5) ? "M" : "F";
      const usedNames = new Set(children.map((ch) => ch.given.uk));
      const pool = GIVEN_NAMES.filter((g) => g.sex === sex && !usedNames.has(g.uk));
      const given = f === 0 ? (GIVEN_NAMES[0] as GivenName) : r.pick(pool);
      const prev = children[0];
      if (twins && c === 1 && prev !== undefined) {
        children.push({ sex, given, year: prev.year, month: prev.month, day: prev.day });
        continue;
      }
      // About one in ten was deported as a minor and has turned 18 since.
      const drawn = f === 0 ? 2014 : r.chance(0.1) ? r.int(asOfYear - 21, asOfYear - 18) : r.int(asOfYear - 17, asOfYear - 4);
      const month = f === 0 ? 3 : r.int(1, 12);
      const drawnDay = f === 0 ? 7 : r.int(1, daysIn(drawn, month));
      const year = bornBefore(family, drawn, month, drawnDay);
      const day = Math.min(drawnDay, daysIn(year, month));
      children.push({ sex, given, year, month, day });
    }

    children.forEach((child, c) => {
      const id = `${family.key}-child-${c + 1}`;
      const birth = f === 0 ? { text: "2014-03-07", estimated: false } : birthDateText(r, child);
      const adult = adultStatus(birth.text, asOf).adult;
      const drawn = f === 0 ? "located" : r.weighted(PROGRESS);
      // Once 18, the person declines for themselves; a guardian no longer can.
      const status: CaseStatus = adult && (drawn.startsWith("declined") || r.chance(0.1)) ? "declined-by-adult" : drawn;
      const contact = { phone: family.phone, address: `м. ${family.city}, ${family.address}` };
      const family_: FamilyMemberInput[] = [];
      if (family.motherAlive) {
        family_.push({ relation: "mother", given: family.mother.uk, family: family.surname.ukF, legalGuardian: !adult, contact });
      } else {
        const relative = r.pick(GIVEN_NAMES.filter((g) => g.sex === "F"));
        family_.push({ relation: r.chance(0.6) ? "grandparent" : "aunt-uncle", given: relative.uk, family: family.surname.ukF, legalGuardian: !adult, contact });
      }
      family_.push({ relation: "father", given: family.patronymic.father.uk, family: family.surname.ukM });
      if (children.length > 1) {
        for (const sibling of children) {
          if (sibling !== child) family_.push({ relation: "sibling", given: sibling.given.uk, family: sibling.sex === "M" ? family.surname.ukM : family.surname.ukF });
        }
      }

      const located = !UNLOCATED.has(status);
      const declinedViews = adult ? "Вирішив(-ла) залишитися, повідомлено особисто." : "Дитина висловила бажання залишитися з бабусею.";
      const input: CaseInput = {
        names: [{
          given: child.given.uk, family: child.sex === "M" ? family.surname.ukM : family.surname.ukF,
          patronymic: child.sex === "M" ? family.patronymic.ukM : family.patronymic.ukF,
          script: "Cyrl", lang: "uk", kind: "birth",
        }],
        sex: child.sex,
        birthDate: birth.text,
        ...(birth.estimated ? { birthDateEstimated: true } : {}),
        birthPlace: family.origin.uk,
        separation: {
          category: family.category,
          date: family.separationDate,
          place: family.origin.uk,
          ...(located || r.chance(0.4) ? { lastKnownLocation: family.holdingPlace } : {}),
        },
        family: family_,
        // Sharing with the other side and the mediator needs consent: every case that went past
        // registration has it; some early ones do not.
        consent: { forTracing: true, forSharing: located || r.chance(0.85), givenBy: adult ? "person" : "guardian" },
        ...(status.startsWith("declined") ? { childViews: declinedViews } : {}),
        ...(r.chance(0.3) ? { notes: `Звернення ${family.motherAlive ? "матері" : "родичів"} через гарячу лінію; ${family.origin.oblastUk}.` } : {}),
      };
      // The NGO has caseworkers only: its cases stop before the steps a verifier or mediator takes.
      const party: DemoParty = f !== 0 && NGO_STATUSES.has(status) && r.chance(0.25) ? "ngo" : "tracing";
      out.push({ clientId: `${id}-tracing`, party, familyKey: family.key, input, status });

      if (located || r.chance(0.15)) out.push(holdingRecord(r, family, child, `${id}-holding`, status, asOf, `${id}-tracing`));
    });
  }

  for (let i = 0; i < Math.round(families / 6); i++) {
    const family = makeFamily(r, families + i);
    const sex = r.chance(0.5) ? "M" : "F";
    const given = r.pick(GIVEN_NAMES.filter((g) => g.sex === sex));
    const drawn = r.int(asOfYear - 17, asOfYear - 4);
    const month = r.int(1, 12);
    const drawnDay = r.int(1, daysIn(drawn, month));
    const year = bornBefore(family, drawn, month, drawnDay);
    const child: Child = { sex, given, year, month, day: Math.min(drawnDay, daysIn(year, month)) };
    out.push(holdingRecord(r, family, child, `${family.key}-child-1-holding`, "registered", asOf));
  }

  out.push(crossingBackCase());
  return out;
}

function holdingRecord(
  r: Random, family: Family, child: Child, clientId: string, tracingStatus: CaseStatus, asOf: Date, sameChildAs?: string,
): DemoCase {
  const renamed = r.chance(0.2);
  const adopted = r.chance(0.1);
  const ruFamily = child.sex === "M" ? family.surname.ruM : family.surname.ruF;
  const ruPatronymic = child.sex === "M" ? family.patronymic.ruM : family.patronymic.ruF;
  const names: PersonNameInput[] = [{ given: child.given.ru, family: ruFamily, patronymic: ruPatronymic, script: "Cyrl", lang: "ru", kind: "birth" }];
  if (renamed || adopted) {
    const adoptive = r.pick(ADOPTIVE_SURNAMES);
    names.push({
      given: renamed ? r.pick(NEW_GIVEN_NAMES[child.sex]) : child.given.ru,
      family: adopted ? (child.sex === "M" ? adoptive.ruM : adoptive.ruF) : ruFamily,
      script: "Cyrl",
      lang: "ru",
      kind: "new-after-deportation",
    });
  }
  // Their records often swap day and month, or know only the year.
  // (Never into a date after the separation: the registry refuses a separation before birth.)
  const swapped =
    child.day <= 12 && child.day !== child.month && r.chance(0.12) &&
    `${child.year}-${pad(child.day)}-${pad(child.month)}` < family.separationDate;
  const birthDate = swapped
    ? `${child.year}-${pad(child.day)}-${pad(child.month)}`
    : r.chance(0.08) ? String(child.year) : `${child.year}-${pad(child.month)}-${pad(child.day)}`;
  const adult = adultStatus(birthDate, asOf).adult;
  // The holding side's record follows the main path of the tracing case; exits are the tracing side's.
  const status: CaseStatus = (MAIN_PATH as readonly string[]).includes(tracingStatus) && !UNLOCATED.has(tracingStatus) ? tracingStatus : "registered";
  const institution = r.chance(0.6)
    ? `ГБУ «Социально-реабилитационный центр для несовершеннолетних», г. ${family.holdingPlace}`
    : `приёмная семья, г. ${family.holdingPlace}`;
  const input: CaseInput = {
    names,
    sex: child.sex,
    birthDate,
    birthPlace: family.origin.ru,
    separation: { category: family.category, date: family.separationDate, place: family.origin.ru, lastKnownLocation: family.holdingPlace },
    family: [{
      relation: institution.startsWith("приёмная") ? "foster-parent" : "legal-guardian", family: institution, legalGuardian: !adult,
      contact: { phone: `+7 ${r.int(900, 999)} ${r.int(100, 999)}-${pad(r.int(0, 99))}-${pad(r.int(0, 99))}` },
    }],
    consent: { forTracing: true, forSharing: true, givenBy: adult ? "person" : "guardian" },
    ...(r.chance(0.05) ? { childViews: "Ребёнок спрашивает о маме." } : {}),
  };
  return { clientId, party: "holding", familyKey: family.key, ...(sameChildAs === undefined ? {} : { sameChildAs }), input, status };
}

function flagshipFamily(r: Random): Family {
  const base = makeFamily(r, 0);
  return {
    ...base,
    surname: SURNAMES[0] as Surname,
    origin: ORIGIN_PLACES[0] as Place,
    category: "deported",
    separationDate: "2022-04-18",
    motherAlive: true,
    holdingPlace: "Таганрог",
  };
}

// One girl was reunited from Ukraine with her family in Russia: the holding authority traces her.
function crossingBackCase(): DemoCase {
  return {
    clientId: "demo-family-reverse-child-1-holding",
    party: "holding",
    familyKey: "demo-family-reverse",
    input: {
      names: [{ given: "Вероника", family: "Сидоренко", patronymic: "Игоревна", script: "Cyrl", lang: "ru", kind: "birth" }],
      sex: "F",
      birthDate: "2012-09",
      birthPlace: "Белгород",
      separation: { category: "separated-across-line", date: "2022-02-27", place: "Харьков", lastKnownLocation: "Полтава" },
      family: [{
        relation: "mother", given: "Ирина", family: "Сидоренко", legalGuardian: true,
        contact: { phone: "+7 910 322-41-07", address: "г. Белгород, ул. Победы, 12" },
      }],
      consent: { forTracing: true, forSharing: true, givenBy: "guardian" },
    },
    status: "reunited",
  };
}
