import { useTranslation } from "react-i18next";

const LOCALES: Record<string, string> = { uk: "uk-UA", ru: "ru-RU", en: "en-GB" };

/** Dates and numbers in the reader's language. Partial dates (YYYY, YYYY-MM) stay partial. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALES[i18n.language] ?? "en-GB";
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const percent = (p: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(p);
  // An unreadable time is shown as given rather than breaking the page.
  const dateTime = (iso: string) => {
    const when = new Date(iso);
    return Number.isNaN(when.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(when);
  };
  const date = (value: string) => {
    const [y, m, d] = value.split("-").map(Number);
    if (y === undefined || Number.isNaN(y)) return value;
    if (m === undefined) return String(y);
    if (d === undefined) return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(Date.UTC(y, m - 1, 1));
    return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
  };
  // A month ("2026-05") short enough for a chart's axis.
  const month = (value: string) => {
    const [y, m] = value.split("-").map(Number);
    if (y === undefined || m === undefined || Number.isNaN(y) || Number.isNaN(m)) return value;
    return new Intl.DateTimeFormat(locale, { year: "2-digit", month: "short", timeZone: "UTC" }).format(Date.UTC(y, m - 1, 1));
  };
  return { locale, number, percent, date, dateTime, month };
}
