// Ukraine's regions (oblasts, Kyiv city, Crimea and Sevastopol) and the place names that
// locate a child's origin in them, in Ukrainian and Russian spellings and in Latin. A place is
// matched on word stems, so "Маріуполь", "Мариуполь" and "Mariupol" all land in Donetsk.
// A place that names no known region counts as "unknown".

export const OBLASTS = [
  "cherkasy", "chernihiv", "chernivtsi", "crimea", "dnipropetrovsk", "donetsk", "ivano-frankivsk",
  "kharkiv", "kherson", "khmelnytskyi", "kirovohrad", "kyiv", "kyiv-city", "luhansk", "lviv", "mykolaiv",
  "odesa", "poltava", "rivne", "sevastopol", "sumy", "ternopil", "vinnytsia", "volyn", "zakarpattia",
  "zaporizhzhia", "zhytomyr",
] as const;
export type Oblast = (typeof OBLASTS)[number];
export const UNKNOWN_OBLAST = "unknown";

// Stems, lower case. Order matters only where one stem contains another (Kyiv city first).
const STEMS: [Oblast, string[]][] = [
  ["sevastopol", ["севастопол", "sevastopol"]],
  ["kyiv-city", ["м. київ", "г. киев", "kyiv city", "місто київ", "город киев"]],
  ["crimea", ["крим", "крым", "crimea", "krym", "сімферопол", "симферопол", "simferopol", "ялт", "yalta", "евпатор", "євпатор", "керч", "kerch"]],
  ["donetsk", ["донец", "донецьк", "donetsk", "маріупол", "мариупол", "mariupol", "бахмут", "bakhmut", "артемовск", "артёмовск", "artemovsk", "волновах", "volnovakh", "вугледар", "угледар", "vuhledar", "краматорськ", "краматорск", "kramatorsk", "слов'янськ", "славянск", "sloviansk", "горлівк", "горловк", "horlivk", "макіївк", "макеевк", "покровськ", "pokrovsk", "авдіївк", "авдеевк", "avdiivk"]],
  ["luhansk", ["луган", "luhansk", "сєвєродонецьк", "северодонецк", "sievierodonetsk", "лисичанськ", "лисичанск", "lysychansk", "рубіжн", "рубежн", "rubizhn", "попасн", "popasn", "алчевськ", "алчевск", "alchevsk"]],
  ["kherson", ["херсон", "kherson", "каховк", "kakhovk", "олешк", "алешк", "oleshk", "генічеськ", "геническ", "henichesk", "скадовськ", "скадовск", "skadovsk"]],
  ["zaporizhzhia", ["запоріж", "запорож", "zaporizh", "мелітопол", "мелитопол", "melitopol", "бердянськ", "бердянск", "berdiansk", "енергодар", "энергодар", "enerhodar", "токмак", "tokmak"]],
  ["kharkiv", ["харків", "харьков", "kharkiv", "ізюм", "изюм", "izium", "куп'янськ", "купянск", "купʼянськ", "kupiansk", "балаклі", "балакле", "balakli"]],
  ["mykolaiv", ["миколаїв", "николаев", "mykolaiv"]],
  ["dnipropetrovsk", ["дніпро", "днепр", "dnipro", "кривий ріг", "кривой рог", "kryvyi rih", "нікопол", "никопол", "nikopol"]],
  ["kyiv", ["київ", "киев", "kyiv", "kiev", "буч", "bucha", "ірпін", "ирпен", "irpin", "бородянк", "borodianka"]],
  ["chernihiv", ["чернігів", "чернигов", "chernihiv"]],
  ["sumy", ["сум", "sumy"]],
  ["odesa", ["одес", "odes"]],
  ["zhytomyr", ["житомир", "zhytomyr"]],
  ["poltava", ["полтав", "poltav"]],
  ["cherkasy", ["черкас", "cherkas"]],
  ["chernivtsi", ["чернівц", "черновц", "chernivts"]],
  ["ivano-frankivsk", ["івано-франків", "ивано-франков", "ivano-frankivsk"]],
  ["khmelnytskyi", ["хмельницьк", "хмельницк", "khmelnyts"]],
  ["kirovohrad", ["кропивницьк", "кропивницк", "kropyvnytsk", "кіровоград", "кировоград", "kirovohrad"]],
  ["lviv", ["львів", "львов", "lviv"]],
  ["rivne", ["рівн", "ровн", "rivne"]],
  ["ternopil", ["тернопіл", "тернопол", "ternopil"]],
  ["vinnytsia", ["вінниц", "винниц", "vinnyts"]],
  ["volyn", ["волин", "волын", "volyn", "луцьк", "луцк", "lutsk"]],
  ["zakarpattia", ["закарпат", "zakarpat", "ужгород", "uzhhorod"]],
];

function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, " ")} `;
}

// The region a place name lies in, or "unknown". The first of the given places that names one wins.
export function oblastOf(...places: (string | undefined)[]): Oblast | typeof UNKNOWN_OBLAST {
  for (const place of places) {
    if (!place) continue;
    const text = words(place);
    for (const [oblast, stems] of STEMS) {
      // A stem must start a word: "сум" is Sumy, not the middle of another name.
      if (stems.some((s) => text.includes(` ${s}`) || text.includes(`-${s}`) || text.includes(`(${s}`))) return oblast;
    }
  }
  return UNKNOWN_OBLAST;
}
