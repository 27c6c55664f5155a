import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data, type MatchDetail } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { ErrorMessage, Loading } from "../components/status";
import { ContributionBars } from "../components/contribution-bars";
import { fullName } from "../names";

type Side = MatchDetail["tracing"];

async function loadReview(id: string) {
  const [match, queue] = await Promise.all([
    data(api.GET("/api/matches/{id}", { params: { path: { id } } })),
    data(api.GET("/api/matches", { params: { query: { status: "pending", limit: 500 } } })),
  ]);
  const waiting = queue.items.filter((m) => m.yourSide !== null && m.decisions[m.yourSide] === undefined && m.id !== id);
  return { match, next: waiting[0]?.id };
}

function SideRows({ left, right }: { left: Side; right: Side }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: [string, (s: Side) => string][] = [
    ["case.names", (s) => s.names.map(fullName).join(" · ")],
    ["case.sex", (s) => t(`sex.${s.sex}`, { defaultValue: s.sex })],
    ["case.birthDate", (s) => (s.birthDate === undefined ? "—" : f.date(s.birthDate))],
    ["case.birthPlace", (s) => s.birthPlace ?? "—"],
    ["case.separation", (s) => (s.separation === undefined ? "—" : [t(`separation.${s.separation.category}`, { defaultValue: s.separation.category }), s.separation.place, s.separation.date].filter(Boolean).join(", "))],
    ["case.parents", (s) => s.parents.map((p) => `${t(`relation.${p.relation}`)}: ${fullName(p)}`).join(" · ") || "—"],
  ];
  return (
    <tbody>
      {rows.map(([key, get]) => {
        const a = get(left);
        const b = get(right);
        return (
          <tr key={key} className={a === b ? "same" : "differs"}>
            <th scope="row">{t(key)}</th><td>{a}</td><td>{b}</td>
          </tr>
        );
      })}
    </tbody>
  );
}

export function MatchReviewPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { value, error, loading, reload } = useLoad(() => loadReview(id), [id]);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  async function decide(decision: "accept" | "reject") {
    if (decision === "reject" && reason.trim() === "") {
      reasonRef.current?.focus();
      setFailure(null);
      return;
    }
    setFailure(null);
    try {
      await data(api.POST("/api/matches/{id}/decision", {
        params: { path: { id } },
        body: { decision, ...(reason.trim() === "" ? {} : { reason: reason.trim() }) },
      }));
      setReason("");
      if (value?.next !== undefined) void navigate(`/matches/${value.next}`);
      else reload();
    } catch (err) {
      setFailure(err);
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.altKey || e.ctrlKey || e.metaKey || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (e.key === "a") void decide("accept");
      else if (e.key === "r") { e.preventDefault(); reasonRef.current?.focus(); }
      else if (e.key === "n" && value?.next !== undefined) void navigate(`/matches/${value.next}`);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (loading && value === undefined) return <Loading />;
  if (value === undefined) return <ErrorMessage error={error} />;
  const m = value.match;
  const mine = m.yourSide === null ? undefined : m.decisions[m.yourSide];
  return (
    <section>
      <p className="breadcrumb"><Link to="/matches">{t("nav.matches")}</Link></p>
      <div className="title-row">
        <h1>{t("review.title")}</h1>
        <span className="score">{t("review.probability", { p: f.percent(m.probability) })}</span>
      </div>
      {m.flag !== null && <div className="warning" role="note"><strong>{t(`flag.${m.flag}`)}</strong> {t(`flagHelp.${m.flag}`)}</div>}
      <table className="side-by-side">
        <thead><tr><td /><th scope="col">{t("matches.tracing")} · <Link to={`/cases/${m.tracing.caseId}`}>{t("review.openCase")}</Link></th><th scope="col">{t("matches.holding")} · <Link to={`/cases/${m.holding.caseId}`}>{t("review.openCase")}</Link></th></tr></thead>
        <SideRows left={m.tracing} right={m.holding} />
      </table>
      <h2>{t("review.why")}</h2>
      <ContributionBars fields={m.explanation.fields} />
      {m.group !== null && m.group.members.length > 0 && (
        <>
          <h2>{t("review.competing")}</h2>
          <ul className="plain">{m.group.members.map((g) => <li key={g.id}><Link to={`/matches/${g.id}`}>{fullName(g.tracing.names[0])} ↔ {fullName(g.holding.names[0])}</Link> {f.percent(g.probability)}</li>)}</ul>
        </>
      )}
      <section className="card decision" aria-labelledby="decide-h">
        <h2 id="decide-h">{t("review.decide")}</h2>
        <p className="muted">{(["tracing", "holding"] as const).map((s) => `${t(`matches.${s}`)}: ${(m.decisions[s]?.decision === undefined ? t("review.undecided") : t(`review.${m.decisions[s].decision}ed`))}`).join(" · ")}</p>
        {mine !== undefined && mine !== null ? <p data-testid="my-decision">{t("review.youDecided", { decision: t(`review.${mine.decision}ed`) })}</p> : m.yourSide === null ? null : (
          <>
            <label htmlFor="reason">{t("review.reason")}</label>
            <textarea id="reason" ref={reasonRef} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="reason-hint" />
            <p id="reason-hint" className="hint">{t("review.reasonHint")}</p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void decide("accept")} aria-keyshortcuts="a">{t("review.accept")}</button>
              <button type="button" className="danger" onClick={() => void decide("reject")} disabled={reason.trim() === ""}>{t("review.reject")}</button>
            </div>
          </>
        )}
        <ErrorMessage error={failure} />
        <p className="hint">{t("review.shortcuts")}</p>
        {value.next !== undefined && <Link to={`/matches/${value.next}`}>{t("review.next")}</Link>}
      </section>
    </section>
  );
}
