import { useTranslation } from "react-i18next";
import { chooseLanguage, LANGUAGES } from "../i18n/i18n";
import { useSession } from "../session";

/** The three languages, each named in itself, on every page. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  return (
    <div className="language-switch" role="group" aria-label={t("language.label")}>
      {LANGUAGES.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          aria-pressed={i18n.language === l.code}
          onClick={() => chooseLanguage(l.code, me?.id)}
        >
          {l.label}
        </button>
      ))}
    </div>
  );
}
