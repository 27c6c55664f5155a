import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { ErrorMessage, StatusBadge } from "../components/status";
import { CASE_STATUSES } from "../case-statuses";
import { fullName } from "../names";

const PAGE_SIZE = 25;

/** The search box answers as one types: the query waits for a short pause in typing. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function CasesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get("q") ?? "");
  const q = useDebounced(typed.trim(), 200);
  const status = params.get("status") ?? "";
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);

  useEffect(() => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (q === "") next.delete("q");
      else next.set("q", q);
      if (q !== (p.get("q") ?? "")) next.delete("page");
      return next;
    }, { replace: true });
  }, [q, setParams]);

  const track = params.get("track") === "adult" ? "adult" as const : undefined;
  const soon = Math.max(0, Math.min(3660, Number(params.get("turning18Within") ?? 0) || 0));
  const age = track === "adult" ? "adult" : soon > 0 ? "soon" : "";
  const query = {
    limit: PAGE_SIZE, offset: page * PAGE_SIZE, ...(q === "" ? {} : { q }), ...(status === "" ? {} : { status }),
    ...(track === undefined ? {} : { track }), ...(soon > 0 ? { turning18Within: soon } : {}),
  };
  const { value, error, loading } = useLoad(() => data(api.GET("/api/cases", { params: { query } })), [q, status, page, track, soon]);
  const setAge = (choice: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    next.delete("track");
    next.delete("turning18Within");
    next.delete("page");
    if (choice === "adult") next.set("track", "adult");
    if (choice === "soon") next.set("turning18Within", "90");
    return next;
  });
  const setParam = (key: string, v: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (v === "") next.delete(key);
    else next.set(key, v);
    if (key !== "page") next.delete("page");
    return next;
  });
  const pages = value === undefined ? 0 : Math.ceil(value.total / PAGE_SIZE);

  return (
    <section>
      <div className="title-row">
        <h1>{t("cases.title")}</h1>
        <div className="actions">
          <Link className="button" to="/tracing-requests/new">{t("cases.requestTracing")}</Link>
          <Link className="button" to="/disclose">{t("cases.disclose")}</Link>
          <Link className="button primary" to="/cases/new">{t("cases.new")}</Link>
        </div>
      </div>
      <div className="filters" role="search">
        <div className="field grow">
          <label htmlFor="case-search">{t("cases.search")}</label>
          <input id="case-search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby="case-search-hint" autoComplete="off" />
          <p id="case-search-hint" className="hint">{t("cases.searchHint")}</p>
        </div>
        <div className="field">
          <label htmlFor="case-status">{t("case.status")}</label>
          <select id="case-status" value={status} onChange={(e) => setParam("status", e.target.value)}>
            <option value="">{t("cases.anyStatus")}</option>
            {CASE_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-age">{t("cases.age")}</label>
          <select id="case-age" value={age} onChange={(e) => setAge(e.target.value)}>
            <option value="">{t("cases.anyAge")}</option>
            <option value="soon">{t("cases.turning18Filter", { days: f.number(soon > 0 ? soon : 90) })}</option>
            <option value="adult">{t("cases.adultFilter")}</option>
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      <p className="count" role="status" aria-live="polite">
        {value !== undefined && (loading ? t("common.loading") : t("cases.found", { count: value.total, n: f.number(value.total) }))}
      </p>
      {value !== undefined && value.items.length > 0 && (
        <table className="list" aria-busy={loading}>
          <thead>
            <tr>
              <th scope="col">{t("case.name")}</th><th scope="col">{t("case.otherNames")}</th>
              <th scope="col">{t("case.birthDate")}</th><th scope="col">{t("case.status")}</th><th scope="col">{t("case.party")}</th>
            </tr>
          </thead>
          <tbody>
            {value.items.map((c) => (
              <tr key={c.id}>
                <td><Link to={`/cases/${c.id}`}>{fullName(c.names[0])}</Link></td>
                <td className="muted">{c.names.slice(1).map(fullName).join(" · ")}</td>
                <td>{c.birthDate === undefined ? "—" : f.date(c.birthDate)}{c.birthDateEstimated === true ? ` (${t("case.estimated")})` : ""}</td>
                <td><StatusBadge status={c.status} /></td>
                <td>{c.party}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t("cases.pages")}>
          <button type="button" disabled={page === 0} onClick={() => setParam("page", String(page - 1))}>{t("common.previous")}</button>
          <span>{t("cases.page", { page: f.number(page + 1), pages: f.number(pages) })}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setParam("page", String(page + 1))}>{t("common.next")}</button>
        </nav>
      )}
    </section>
  );
}
