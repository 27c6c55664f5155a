import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PLACES as GAZETTEER } from "../../src/matching/normalise/places.ts";

// Synthetic-population vocabulary. Given names: Ukrainian form, Russian form, a diminutive.
// Patronymic stems are written out because the Ukrainian and Russian rules differ per name.
export interface GivenName {
  uk: string;
  ru: string;
  dim: string;
}

export interface FatherName extends GivenName {
  ukPatr: [string, string]; // son, daughter
  ruPatr: [string, string];
}

export const BOYS: GivenName[] = [
  ["Олександр", "Александр", "Саша"], ["Олексій", "Алексей", "Льоша"], ["Андрій", "Андрей", "Андрійко"],
  ["Артем", "Артём", "Тема"], ["Богдан", "Богдан", "Богданчик"], ["Вадим", "Вадим", "Вадик"],
  ["Василь", "Василий", "Вася"], ["Віктор", "Виктор", "Вітя"], ["Владислав", "Владислав", "Влад"],
  ["Володимир", "Владимир", "Володя"], ["Дмитро", "Дмитрий", "Діма"], ["Євген", "Евгений", "Женя"],
  ["Іван", "Иван", "Ваня"], ["Ігор", "Игорь", "Ігорьок"], ["Кирило", "Кирилл", "Кирюша"],
  ["Максим", "Максим", "Макс"], ["Микола", "Николай", "Коля"], ["Михайло", "Михаил", "Міша"],
  ["Назар", "Назар", "Назарко"], ["Олег", "Олег", "Олежка"], ["Павло", "Павел", "Павлик"],
  ["Петро", "Пётр", "Петрик"], ["Роман", "Роман", "Рома"], ["Сергій", "Сергей", "Сергійко"],
  ["Степан", "Степан", "Стьопа"], ["Тарас", "Тарас", "Тарасик"], ["Тимофій", "Тимофей", "Тимко"],
  ["Юрій", "Юрий", "Юра"], ["Ярослав", "Ярослав", "Ярик"], ["Данило", "Даниил", "Даня"],
  ["Матвій", "Матвей", "Матвійко"], ["Марко", "Марк", "Марко"], ["Денис", "Денис", "Дениско"],
  ["Ілля", "Илья", "Іллюша"], ["Григорій", "Григорий", "Гриша"], ["Костянтин", "Константин", "Костя"],
].map(([uk, ru, dim]) => ({ uk: uk!, ru: ru!, dim: dim! }));

export const GIRLS: GivenName[] = [
  ["Олександра", "Александра", "Саша"], ["Анастасія", "Анастасия", "Настя"], ["Анна", "Анна", "Аня"],
  ["Вікторія", "Виктория", "Віка"], ["Дарина", "Дарья", "Даша"], ["Єлизавета", "Елизавета", "Ліза"],
  ["Катерина", "Екатерина", "Катя"], ["Марія", "Мария", "Маша"], ["Наталія", "Наталья", "Наташа"],
  ["Олена", "Елена", "Лєна"], ["Ольга", "Ольга", "Оля"], ["Софія", "София", "Соня"],
  ["Тетяна", "Татьяна", "Таня"], ["Юлія", "Юлия", "Юля"], ["Ірина", "Ирина", "Іра"],
  ["Світлана", "Светлана", "Світа"], ["Людмила", "Людмила", "Люда"], ["Галина", "Галина", "Галя"],
  ["Оксана", "Оксана", "Ксюша"], ["Христина", "Кристина", "Христя"], ["Поліна", "Полина", "Поля"],
  ["Валерія", "Валерия", "Лєра"], ["Діана", "Диана", "Діанка"], ["Ксенія", "Ксения", "Ксюша"],
  ["Аліна", "Алина", "Аля"], ["Злата", "Злата", "Златка"], ["Мирослава", "Мирослава", "Мирося"],
  ["Соломія", "Соломия", "Соля"], ["Вероніка", "Вероника", "Ніка"], ["Ганна", "Анна", "Ганнуся"],
].map(([uk, ru, dim]) => ({ uk: uk!, ru: ru!, dim: dim! }));

function patronymics(uk: string, ru: string): { ukPatr: [string, string]; ruPatr: [string, string] } {
  const ukStem = uk.endsWith("ій") ? uk.slice(0, -1) + "й" : uk.endsWith("о") ? uk.slice(0, -1) : uk.endsWith("а") ? uk.slice(0, -1) + "ай" : uk;
  const ukPatr: [string, string] = [
    `${ukStem}ович`,
    uk.endsWith("ій") ? `${uk.slice(0, -2)}іївна` : uk.endsWith("а") ? `${uk.slice(0, -1)}аївна` : `${ukStem}івна`,
  ];
  const ruSoft = ru.endsWith("ий") || ru.endsWith("ей") || ru.endsWith("ай");
  const ruStem = ru.endsWith("ий") ? ru.slice(0, -2) + "ие" : ru.endsWith("ей") ? ru.slice(0, -2) + "ее" : ru.endsWith("ай") ? ru.slice(0, -2) + "ае" : ru.endsWith("ь") ? ru.slice(0, -1) + "е" : ru.replace("ё", "е");
  const ruPatr: [string, string] = ruSoft || ru.endsWith("ь") ? [`${ruStem}вич`, `${ruStem}вна`] : [`${ruStem}ович`, `${ruStem}овна`];
  return { ukPatr, ruPatr };
}

export const FATHERS: FatherName[] = BOYS.map((b) =>
  b.ru === "Илья" ? { ...b, ukPatr: ["Ілліч", "Іллівна"], ruPatr: ["Ильич", "Ильинична"] } : { ...b, ...patronymics(b.uk, b.ru) },
);

export interface Place {
  uk: string;
  ru: string;
  /** Soviet-era or occupation name used by the holding side for some records. */
  old?: string;
  latin: string;
}

/**
 * Birth places drawn from the normalisation gazetteer (every city of Ukraine and the raion
 * centres of occupied and front-line oblasts): Ukrainian, Russian, 2010 Latin and a former name.
 */
export const PLACES: Place[] = GAZETTEER.map((p) => ({ uk: p.ukrainian, ru: p.russian, old: p.former[0], latin: p.latin }));

export interface Surname {
  uk: string;
  ru: string;
}

const SURNAME_END = /(енко|ук|юк|ський|цький|ов|ев|ич|чак|ець|ар|ан|ин|ін)$/;

/** Ukrainian/Russian surname pairs from the names_translator dictionary (MIT), surnames only. */
export function loadSurnames(): Surname[] {
  const path = fileURLToPath(new URL("../../../shared/data/names_translator_ua2ru/legacy_ua2ru.csv", import.meta.url));
  if (!existsSync(path)) throw new Error(`surname list not found at ${path}`);
  const out: Surname[] = [];
  const seen = new Set<string>();
  for (const line of readFileSync(path, "utf8").split("\n").slice(1)) {
    const [uk, ru] = line.split(",");
    if (!uk || !ru || uk.includes(" ") || uk.includes("(") || !/^[А-ЯІЇЄҐ][а-яіїєґ']{3,}$/.test(uk)) continue;
    if (!SURNAME_END.test(uk) || /(ович|евич|івна|ївна)$/.test(uk)) continue;
    if (seen.has(uk)) continue;
    seen.add(uk);
    out.push({ uk, ru: ru.charAt(0).toUpperCase() + ru.slice(1) });
  }
  return out;
}

/** Feminine surname forms (Ковальський → Ковальська, Иванов → Иванова); -енко, -ук stay. */
export function feminineUk(s: string): string {
  if (s.endsWith("ський") || s.endsWith("цький")) return s.slice(0, -2) + "а";
  if (/(ов|ев|ін|ин)$/.test(s)) return s + "а";
  return s;
}

export function feminineRu(s: string): string {
  if (s.endsWith("ский") || s.endsWith("цкий")) return s.slice(0, -2) + "ая";
  if (/(ов|ев|ин)$/.test(s)) return s + "а";
  return s;
}
