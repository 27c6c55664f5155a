import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./language-switch";
import { useSession } from "../session";

function Who() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  if (me === null) return null;
  return (
    <div className="who">
      <span data-testid="who">
        <strong>{me.displayName ?? me.username}</strong>
        {" · "}{t(`role.${me.role}`)}{" · "}
        <span className="party">{t("header.party", { party: me.party })}</span>
      </span>
      <button type="button" className="link-button" onClick={() => void signOut()}>{t("header.signOut")}</button>
    </div>
  );
}

const NAV = [
  ["/", "nav.dashboard"],
  ["/cases", "nav.cases"],
  ["/matches", "nav.matches"],
  ["/batches", "nav.batches"],
  ["/log", "nav.log"],
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">{t("nav.skip")}</a>
      <header className="site-header">
        <div className="header-row">
          <NavLink to="/" className="brand">{t("app.name")}</NavLink>
          <div className="header-links">
            <NavLink to="/stats">{t("nav.stats")}</NavLink>
            <LanguageSwitch />
          </div>
        </div>
        {me !== null && (
          <div className="header-row">
            <nav aria-label={t("nav.label")}>
              <ul>
                {NAV.map(([to, key]) => (
                  <li key={to}><NavLink to={to} end={to === "/"}>{t(key)}</NavLink></li>
                ))}
              </ul>
            </nav>
            <Who />
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
