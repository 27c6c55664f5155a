// Russian Cyrillic → Latin mapping tables, derived from the iuliia schema files
// (https://github.com/nalgeon/iuliia, MIT, Copyright (c) 2020 Anton Zhiyanov; see NOTICE.md).
// Keys of prev/next tables are two-letter sequences (previous+current, current+next); a
// one-letter key means "at the start of the word" (prev) or "at its end" (next).
// One deliberate difference: iuliia writes the Cyrillic letter ё in its ISO 9 and BGN/PCGN
// output; the standards write Latin ë (U+00EB), which is what these tables hold.

export interface SchemeTables {
  readonly mapping: Readonly<Record<string, string>>;
  readonly prev: Readonly<Record<string, string>>;
  readonly next: Readonly<Record<string, string>>;
}

/** ICAO DOC 9303 transliteration schema */
export const icao9303: SchemeTables = {
  mapping: { "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia" },
  prev: {},
  next: {},
};

/** GOST R 52535.1-2006 transliteration schema */
export const gost52535: SchemeTables = {
  mapping: { "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "tc", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia" },
  prev: {},
  next: {},
};

/** MVD 310-1997 transliteration schema */
export const mvd310: SchemeTables = {
  mapping: { "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "\"", "ы": "y", "ь": "'", "э": "e", "ю": "yu", "я": "ya" },
  prev: { "ье": "ye", "ъе": "ye" },
  next: { "ье": "", "ъе": "" },
};

/** MVD 782-2000 transliteration schema */
export const mvd782: SchemeTables = {
  mapping: { "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "'", "ы": "y", "ь": "'", "э": "e", "ю": "yu", "я": "ya" },
  prev: { "ае": "ye", "ее": "ye", "ёе": "ye", "ие": "ye", "ое": "ye", "уе": "ye", "ъе": "ye", "ые": "ye", "ье": "ye", "эе": "ye", "юе": "ye", "яе": "ye", "бё": "ye", "вё": "ye", "гё": "ye", "дё": "ye", "зё": "ye", "кё": "ye", "лё": "ye", "мё": "ye", "нё": "ye", "пё": "ye", "рё": "ye", "сё": "ye", "тё": "ye", "фё": "ye", "хё": "ye", "цё": "ye", "жё": "e", "чё": "e", "шё": "e", "щё": "e", "ьи": "yi" },
  next: { "ъе": "", "ье": "", "ъё": "", "ьё": "", "ьи": "" },
};

/** BGN/PCGN transliteration schema */
export const bgnPcgn: SchemeTables = {
  mapping: { "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "”", "ы": "y", "ь": "’", "э": "e", "ю": "yu", "я": "ya" },
  prev: { "е": "ye", "ае": "ye", "ее": "ye", "ёе": "ye", "ие": "ye", "йе": "ye", "ое": "ye", "уе": "ye", "ъе": "ye", "ые": "ye", "ье": "ye", "эе": "ye", "юе": "ye", "яе": "ye", "ё": "yë", "аё": "yë", "её": "yë", "ёё": "yë", "иё": "yë", "йё": "yë", "оё": "yë", "уё": "yë", "ъё": "yë", "ыё": "yë", "ьё": "yë", "эё": "yë", "юё": "yë", "яё": "yë", "аы": "·y", "еы": "·y", "ёы": "·y", "иы": "·y", "оы": "·y", "уы": "·y", "ыы": "·y", "эы": "·y", "юы": "·y", "яы": "·y", "бэ": "·e", "вэ": "·e", "гэ": "·e", "дэ": "·e", "жэ": "·e", "зэ": "·e", "кэ": "·e", "лэ": "·e", "мэ": "·e", "нэ": "·e", "пэ": "·e", "рэ": "·e", "сэ": "·e", "тэ": "·e", "фэ": "·e", "хэ": "·e", "цэ": "·e", "чэ": "·e", "шэ": "·e", "щэ": "·e" },
  next: { "йа": "y·", "йу": "y·", "йы": "y·", "йэ": "y·", "ыа": "y·", "ыу": "y·", "ыы": "y·", "ыэ": "y·", "тс": "t·", "шч": "sh·" },
};

/** GOST 7.79-2000 (aka ISO 9:1995) transliteration schema */
export const iso9: SchemeTables = {
  mapping: { "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "ž", "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â" },
  prev: {},
  next: {},
};

