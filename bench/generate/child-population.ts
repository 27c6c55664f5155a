import { russianToLatin } from "../../src/matching/normalise/transliterate/russian-schemes.ts";
import { ukrainianToLatin } from "../../src/matching/normalise/transliterate/ukrainian-kmu-2010.ts";
import { BOYS, FATHERS, GIRLS, PLACES, feminineRu, feminineUk, loadSurnames, type Surname } from "./name-lists.ts";
import { mulberry32 } from "../../src/matching/model/em-training.ts";

/**
 * A synthetic population of families: the tracing side holds Ukrainian records of children,
 * the holding side Russian-side records of (some of) the same children, written in Russian or
 * in Latin, renamed, with adoptive surnames and date errors. Siblings and twins appear as
 * look-alikes; children present on one side only are confounders.
 */
export interface ChildRecord extends Record<string, string> {
  record_id: string;
  given_name: string;
  family_name: string;
  patronymic: string;
  sex: string;
  birth_date: string;
  birth_place: string;
  mother_name: string;
  father_name: string;
}

export interface Population {
  left: ChildRecord[];
  right: ChildRecord[];
  /** child id and family id per record, for ground truth */
  leftChild: Int32Array;
  rightChild: Int32Array;
  leftFamily: Int32Array;
  rightFamily: Int32Array;
  twinsPairs: number;
}

export interface GeneratorOptions {
  /** records per side (approximately: generation stops when the left side reaches it) */
  size: number;
  seed?: number;
  /** Share of children with a record on each side; the rest are one-sided confounders. */
  presence?: number;
}

const rng = mulberry32;

export function generatePopulation(opts: GeneratorOptions): Population {
  const r = rng(opts.seed ?? 7);
  const presence = opts.presence ?? 0.8;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  // Zipf-like surname frequencies, p(rank) ∝ 1/(rank + 40): the commonest name carries about
  // half a percent of families (as Melnyk or Kovalenko do in Ukraine), most names are rare.
  const surnames = loadSurnames();
  const zipf = (n: number) => Math.min(n - 1, Math.floor(40 * Math.exp(r() * Math.log((n + 40) / 40)) - 40));
  const pickSurname = (): Surname => surnames[zipf(surnames.length)]!;
  const pad = (n: number) => String(n).padStart(2, "0");

  const left: ChildRecord[] = [];
  const right: ChildRecord[] = [];
  const lc: number[] = [], rc: number[] = [], lf: number[] = [], rf: number[] = [];
  let childId = 0;
  let familyId = 0;
  let twinsPairs = 0;
  const typo = (s: string): string => {
    if (s.length < 4) return s;
    const i = 1 + Math.floor(r() * (s.length - 2));
    const k = r();
    if (k < 0.4) return s.slice(0, i) + s.slice(i + 1); // deletion
    if (k < 0.7) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // transposition
    return s.slice(0, i) + s[i - 1] + s.slice(i); // doubling
  };

  while (left.length < opts.size) {
    familyId++;
    const sur = pickSurname();
    const mother = pick(GIRLS);
    const hasFather = r() < 0.8;
    const father = pick(FATHERS);
    // Cities differ in size: p(rank) ∝ 1/(rank + 10) over the gazetteer.
    const place = PLACES[Math.min(PLACES.length - 1, Math.floor(10 * Math.exp(r() * Math.log((PLACES.length + 10) / 10)) - 10))]!;
    const motherMaiden = r() < 0.1 ? pickSurname() : sur;
    const nChildren = 1 + Math.floor(r() * r() * 4);
    const baseYear = 2006 + Math.floor(r() * 12);
    type Kid = { boy: boolean; name: (typeof BOYS)[number]; y: number; m: number; d: number };
    const kids: Kid[] = [];
    for (let k = 0; k < nChildren; k++) {
      const boy = r() < 0.5;
      const y = baseYear + k * (1 + Math.floor(r() * 3));
      if (y > 2021) break;
      const kid: Kid = { boy, name: pick(boy ? BOYS : GIRLS), y, m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28) };
      kids.push(kid);
      if (r() < 0.03) {
        // Twins: same family, same birth date, different given names.
        const boy2 = r() < 0.5;
        let name2 = pick(boy2 ? BOYS : GIRLS);
        while (name2 === kid.name) name2 = pick(boy2 ? BOYS : GIRLS);
        kids.push({ boy: boy2, name: name2, y: kid.y, m: kid.m, d: kid.d });
        twinsPairs++;
      }
    }
    for (const kid of kids) {
      childId++;
      const onLeft = r() < presence;
      const onRight = r() < presence;
      if (!onLeft && !onRight) continue;
      const ukFamily = kid.boy ? sur.uk : feminineUk(sur.uk);
      const ruFamily = kid.boy ? sur.ru : feminineRu(sur.ru);
      const iso = `${kid.y}-${pad(kid.m)}-${pad(kid.d)}`;
      if (onLeft) {
        const latin = r() < 0.05;
        const tl = (s: string) => (latin ? ukrainianToLatin(s) : s);
        const rec: ChildRecord = {
          record_id: `U${left.length + 1}`,
          given_name: tl(r() < 0.04 ? kid.name.dim : kid.name.uk),
          family_name: tl(r() < 0.02 ? typo(ukFamily) : ukFamily),
          patronymic: hasFather && r() < 0.7 ? tl(father.ukPatr[kid.boy ? 0 : 1]) : "",
          sex: r() < 0.95 ? (kid.boy ? "ч" : "ж") : "",
          birth_date: r() < 0.03 ? "" : r() < 0.03 ? String(kid.y) : r() < 0.5 ? iso : `${pad(kid.d)}.${pad(kid.m)}.${kid.y}`,
          birth_place: r() < 0.05 ? "" : latin ? place.latin : place.uk,
          mother_name: r() < 0.9 ? tl(`${mother.uk} ${feminineUk(motherMaiden.uk)}`) : "",
          father_name: hasFather && r() < 0.75 ? tl(`${father.uk} ${sur.uk}`) : "",
        };
        left.push(rec);
        lc.push(childId);
        lf.push(familyId);
      }
      if (onRight) {
        const renamed = r() < 0.08;
        const adopted = r() < 0.06;
        const latin = r() < 0.12;
        const scheme = r() < 0.5 ? "icao-9303" : "mvd-310";
        const tl = (s: string) => (latin ? russianToLatin(s, scheme) : s);
        let given = renamed ? pick(kid.boy ? BOYS : GIRLS).ru : r() < 0.05 ? kid.name.dim : kid.name.ru;
        if (r() < 0.02) given = typo(given);
        let family = adopted ? (kid.boy ? pickSurname().ru : feminineRu(pickSurname().ru)) : ruFamily;
        if (r() < 0.03) family = typo(family);
        let d = kid.d, m = kid.m, y = kid.y;
        const e = r();
        let date: string;
        if (e < 0.05 && d <= 12) [d, m] = [m, d];
        else if (e < 0.09) {
          const t = new Date(Date.UTC(y, m - 1, d + (r() < 0.5 ? -1 : 1) * (1 + Math.floor(r() * 3))));
          [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
        } else if (e < 0.12) y += r() < 0.5 ? -1 : 1;
        if (e >= 0.12 && e < 0.15) date = r() < 0.5 ? String(y) : `${y}-${pad(m)}`;
        else if (e >= 0.15 && e < 0.18) date = "";
        else date = r() < 0.6 ? `${pad(d)}.${pad(m)}.${y}` : `${y}-${pad(m)}-${pad(d)}`;
        const rec: ChildRecord = {
          record_id: `R${right.length + 1}`,
          given_name: tl(given),
          family_name: tl(family),
          patronymic: hasFather && !adopted && r() < 0.75 ? tl(father.ruPatr[kid.boy ? 0 : 1]) : "",
          sex: r() < 0.95 ? (kid.boy ? "м" : "ж") : "",
          birth_date: date,
          birth_place: r() < 0.08 ? "" : latin ? place.latin : place.old && r() < 0.4 ? place.old : place.ru,
          mother_name: r() < (adopted ? 0.6 : 0.85) ? tl(`${mother.ru} ${feminineRu(motherMaiden.ru)}`) : "",
          father_name: hasFather && r() < (adopted ? 0.4 : 0.65) ? tl(`${father.ru} ${sur.ru}`) : "",
        };
        right.push(rec);
        rc.push(childId);
        rf.push(familyId);
      }
    }
  }
  return { left, right, leftChild: Int32Array.from(lc), rightChild: Int32Array.from(rc), leftFamily: Int32Array.from(lf), rightFamily: Int32Array.from(rf), twinsPairs };
}
