import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./locales/en.json";
import ru from "./locales/ru.json";
import uk from "./locales/uk.json";

export const LANGUAGES = [
  { code: "uk", label: "Українська" },
  { code: "ru", label: "Русский" },
  { code: "en", label: "English" },
] as const;
export type Language = (typeof LANGUAGES)[number]["code"];

const LAST_KEY = "homeward.lang";
const userKey = (userId: string) => `homeward.lang.${userId}`;

function isLanguage(value: string | null): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(LAST_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : "uk";
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru }, uk: { translation: uk } },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
}
applyDocumentLanguage(i18next.language);
i18next.on("languageChanged", applyDocumentLanguage);

/** Switches the language and remembers it for this user (and as the sign-in page's choice). */
export function chooseLanguage(lang: Language, userId: string | undefined): void {
  localStorage.setItem(LAST_KEY, lang);
  if (userId !== undefined) localStorage.setItem(userKey(userId), lang);
  void i18next.changeLanguage(lang);
}

/** After sign-in: the language this user chose last time on this device, if any. */
export function restoreUserLanguage(userId: string): void {
  const stored = localStorage.getItem(userKey(userId));
  if (isLanguage(stored) && stored !== i18next.language) void i18next.changeLanguage(stored);
}

export { i18next };
