import { useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { verifySignedReport, type ReportVerification } from "../../../src/ledger/report.ts";
import { api, data, sessionToken, type Report } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { useSession } from "../session";
import { ErrorMessage, Loading } from "../components/status";
import { RecordList } from "../components/record-list";
import { canSign } from "../report-signing";

async function loadReport(id: string): Promise<{ report: Report; check: ReportVerification | null }> {
  const report = await data(api.GET("/api/reports/{id}", { params: { path: { id } } }));
  if (report.signatures.length === 0) return { report, check: null };
  // The signatures are checked here, in the reader's browser, with the same code as `homeward report verify`.
  const signed = await data(api.GET("/api/reports/{id}/signed", { params: { path: { id } } }));
  return { report, check: verifySignedReport(signed) };
}

async function downloadPdf(id: string, lang: string): Promise<void> {
  const res = await api.GET("/api/reports/{id}/pdf", { params: { path: { id }, query: { lang: lang as "en" } }, parseAs: "blob" });
  if (res.data === undefined || sessionToken() === null) throw new Error("pdf");
  const url = URL.createObjectURL(res.data as Blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `report-${id}.pdf`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}


export function ReportPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { me } = useSession();
  const { value, error, loading, reload } = useLoad(() => loadReport(id), [id]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (loading && value === undefined) return <Loading />;
  if (value === undefined) return <ErrorMessage error={error} />;
  const { report: r, check } = value;
  const content = (r.document as { content?: Record<string, unknown> }).content;

  async function sign() {
    setBusy(true);
    setFailure(null);
    try {
      await data(api.POST("/api/reports/{id}/signatures", { params: { path: { id } } }));
      reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <p className="breadcrumb"><Link to={`/cases/${r.case}`}>{t("report.backToCase")}</Link></p>
      <div className="title-row">
        <h1>{t(`reportKind.${r.kind}`)}</h1>
        <span className={`badge stage-${r.stage}`}>{t(`stage.${r.stage}`)}</span>
      </div>
      <p className="muted">{t("report.code")}: <code>{r.verificationCode}</code></p>
      <RecordList title={t("report.content")} items={content === undefined ? undefined : [content]} empty={t("common.none")} />
      <section className="card" aria-labelledby="sigs-h">
        <h2 id="sigs-h">{t("report.signatures")}</h2>
        {r.signatures.length === 0 ? <p className="muted">{t("report.unsigned")}</p> : (
          <ul className="plain">
            {r.signatures.map((s) => {
              const ok = check?.ok === true && check.signatures.some((c) => c.index === s.entryIndex);
              return (
                <li key={s.entryIndex}>
                  <span className={ok ? "verified" : "unverified"}>{ok ? `✓ ${t("report.verified")}` : `✗ ${t("report.notVerified")}`}</span>{" "}
                  {t(`signingRole.${s.role}`, { defaultValue: s.role })} · {s.party} · {f.dateTime(s.at)} · {t("report.entry", { index: f.number(s.entryIndex) })}
                </li>
              );
            })}
          </ul>
        )}
        {check !== null && !check.ok && <p className="error" role="alert">{t("report.checkFailed", { reason: check.reason })}</p>}
        {check?.ok === true && <p className="hint">{t("report.checkedAt", { size: f.number(check.checkpoint.size), parties: check.checkpoint.cosigners.join(", ") })}</p>}
      </section>
      <div className="actions">
        {me !== null && canSign(me, r) && (
          <button type="button" className="primary" data-testid="sign-report" disabled={busy} onClick={() => void sign()}>{me.role === "mediator" ? t("report.confirm") : t("report.sign")}</button>
        )}
        <button type="button" data-testid="report-pdf" onClick={() => void downloadPdf(id, i18n.language).catch(setFailure)}>{t("report.pdf")}</button>
      </div>
      <ErrorMessage error={failure} />
    </section>
  );
}
