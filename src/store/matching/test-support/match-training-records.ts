import type { CaseInput } from "../../../domain/index.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";

// Enough stored records for training to learn rather than keep the defaults (linkTables learns
// from 250,000 possible pairs up: 500 a side), made quickly: deterministic synthetic children,
// most on both sides (the holding side in Russian forms, some dates day-first), through the
// real path (imported, then matched).

const GIVEN = [["Олександр", "Александр"], ["Марія", "Мария"], ["Дмитро", "Дмитрий"], ["Анна", "Анна"], ["Іван", "Иван"], ["Софія", "София"], ["Максим", "Максим"], ["Олена", "Елена"], ["Андрій", "Андрей"], ["Дарина", "Дарина"], ["Богдан", "Богдан"], ["Катерина", "Екатерина"]] as const;
const FAMILY = ["Коваленко", "Шевчук", "Бондар", "Ткачук", "Мельничук", "Кравчук", "Гнатюк", "Савчук", "Лисенко", "Марченко", "Руденко", "Поліщук", "Вернигора", "Остапчук", "Гайдамака", "Запорожець", "Литвин", "Мороз", "Павленко", "Сидоренко"];
const PLACES = [["Маріуполь", "Мариуполь"], ["Херсон", "Херсон"], ["Бахмут", "Артёмовск"], ["Харків", "Харьков"], ["Запоріжжя", "Запорожье"], ["Мелітополь", "Мелитополь"]] as const;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Disclosed under the channel's agreement, so every record may enter cross-party matching.
const legalBasis = { basis: "channel-agreement", reference: "Synthetic training agreement" } as const;

export async function storeTrainingRecords(store: Store, tracing: RequestContext, holding: RequestContext, perSide = 520): Promise<void> {
  const rnd = rng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pad = (n: number) => String(n).padStart(2, "0");
  const t: CaseInput[] = [];
  const h: CaseInput[] = [];
  for (let i = 0; i < perSide; i++) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const place = pick(PLACES);
    const [y, m, d] = [2006 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)];
    const sex = i % 2 === 0 ? "M" : "F";
    t.push({ names: [{ given: given[0], family }], sex, birthDate: `${y}-${pad(m)}-${pad(d)}`, birthPlace: place[0], legalBasis });
    if (i % 5 < 3) {
      // The same child on the holding side; now and then day and month swapped.
      const date = i % 7 === 0 && d <= 12 ? `${y}-${pad(d)}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
      h.push({ names: [{ given: given[1], family }], sex, birthDate: date, birthPlace: place[1], legalBasis });
    } else {
      const other = pick(GIVEN);
      h.push({ names: [{ given: other[1], family: pick(FAMILY) }], sex, birthDate: `${2006 + Math.floor(rnd() * 12)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`, birthPlace: pick(PLACES)[1], legalBasis });
    }
  }
  await store.cases.importBatch(tracing, t.map((input, i) => ({ clientId: `train-t${i}`, input })));
  await store.cases.importBatch(holding, h.map((input, i) => ({ clientId: `train-h${i}`, input })));
  await store.matching.runPending({ batch: 500 });
}
