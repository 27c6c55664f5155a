import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data, type CaseView } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { ErrorMessage, Loading, StatusBadge } from "../components/status";
import { fullName } from "../names";
import { CaseActionForm } from "../components/case-action-form";
import { ReportDraftForm } from "../components/report-draft-form";
import { RecordList } from "../components/record-list";
import { CasePhotos } from "../components/case-photos";
import { Timeline } from "../components/timeline";
import { useMe } from "../session";

async function loadCase(id: string) {
  const [view, history, reports, matches] = await Promise.all([
    data(api.GET("/api/cases/{id}", { params: { path: { id } } })),
    data(api.GET("/api/cases/{id}/history", { params: { path: { id } } })),
    data(api.GET("/api/cases/{id}/reports", { params: { path: { id } } })),
    data(api.GET("/api/matches", { params: { query: { limit: 500 } } })),
  ]);
  const related = matches.items.filter((m) => m.tracing.caseId === id || m.holding.caseId === id);
  return { view, history: history.items, reports: reports.items, matches: related };
}

function Identity({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="identity-h">
      <h2 id="identity-h">{t("case.identity")}</h2>
      <table className="list compact">
        <thead><tr><th scope="col">{t("case.name")}</th><th scope="col">{t("case.script")}</th><th scope="col">{t("case.kind")}</th></tr></thead>
        <tbody>
          {c.names.map((n, i) => (
            <tr key={i}><td lang={n.lang}>{fullName(n)}</td><td>{t(`script.${n.script}`, { defaultValue: n.script })}</td><td>{t(`nameKind.${n.kind}`, { defaultValue: n.kind })}</td></tr>
          ))}
        </tbody>
      </table>
      <dl className="facts">
        <dt>{t("case.sex")}</dt><dd>{t(`sex.${c.sex}`)}</dd>
        <dt>{t("case.birthDate")}</dt><dd>{c.birthDate === undefined ? "—" : f.date(c.birthDate)}{c.birthDateEstimated === true ? ` (${t("case.estimated")})` : ""}</dd>
        <dt>{t("case.birthPlace")}</dt><dd>{c.birthPlace ?? "—"}</dd>
        <dt>{t("case.age")}</dt><dd>{c.age === null ? "—" : c.age.min === c.age.max ? f.number(c.age.min) : `${f.number(c.age.min)}–${f.number(c.age.max)}`}{c.adult ? ` · ${t("case.adult")}` : ""}</dd>
      </dl>
    </section>
  );
}

export function CasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const { value, error, loading, reload } = useLoad(() => loadCase(id), [id]);
  if (loading && value === undefined) return <Loading />;
  if (value === undefined) return <ErrorMessage error={error} />;
  const { view: c, history, reports, matches } = value;
  const batches = [...new Set(history.flatMap((h) => (h.type === "schedule" && typeof h.action?.["batchId"] === "string" ? [h.action["batchId"]] : [])))];
  return (
    <section>
      <p className="breadcrumb"><Link to="/cases">{t("nav.cases")}</Link></p>
      <div className="title-row">
        <h1>{fullName(c.names[0])}</h1>
        <StatusBadge status={c.status} />
      </div>
      <p className="muted">{t("case.heldBy", { party: c.party })} · {t(`view.${c.view}`, { defaultValue: c.view })} · {t("case.updated", { when: f.dateTime(c.updatedAt) })}</p>
      <div className="grid">
        <Identity c={c} />
        <RecordList title={t("case.family")} items={c.family} empty={t("case.noFamily")} note={t("case.contactNote")} />
        <RecordList title={t("case.separation")} items={c.separation === undefined ? undefined : [c.separation]} empty={t("common.none")} />
        <RecordList title={t("case.consent")} items={c.consent === undefined ? undefined : [c.consent]} empty={t("common.none")}
          text={c.childViews === undefined ? undefined : { label: t("case.childViews"), value: c.childViews }} />
        <CasePhotos c={c} canAdd={me.party === c.party && me.role !== "auditor"} onAdded={reload} />
        <section className="card" aria-labelledby="batches-h">
          <h2 id="batches-h">{t("case.batches")}</h2>
          {batches.length === 0 ? <p className="muted">{t("case.noBatch")}</p> : <ul>{batches.map((b) => <li key={b}>{b}</li>)}</ul>}
        </section>
      </div>
      <section className="card" aria-labelledby="matches-h">
        <h2 id="matches-h">{t("case.matches")}</h2>
        {matches.length === 0 ? <p className="muted">{t("case.noMatches")}</p> : (
          <ul className="plain">
            {matches.map((m) => (
              <li key={m.id}><Link to={`/matches/${m.id}`}>{fullName(m.tracing.names[0])} ↔ {fullName(m.holding.names[0])}</Link>{" "}
                <span className="muted">{f.percent(m.probability)} · {t(`matchStatus.${m.status}`)}</span></li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="reports-h">
        <h2 id="reports-h">{t("case.reports")}</h2>
        {reports.length === 0 ? <p className="muted">{t("case.noReports")}</p> : (
          <ul className="plain">
            {reports.map((r) => (
              <li key={r.id}><Link to={`/reports/${r.id}`}>{t(`reportKind.${r.kind}`)}</Link> <span className="muted">{t(`stage.${r.stage}`)}</span></li>
            ))}
          </ul>
        )}
        <ReportDraftForm caseId={c.id} onDone={reload} />
      </section>
      <Timeline caseId={c.id} items={history} />
      <CaseActionForm caseId={c.id} version={c.version} reports={reports} onDone={reload} />
    </section>
  );
}
