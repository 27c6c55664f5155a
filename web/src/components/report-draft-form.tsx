import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useSession } from "../session";
import { useDraft } from "../use-draft";
import { ErrorMessage } from "./status";

/** Drafting a verification report: the evidence of identity, in the drafter's words. */
export function ReportDraftForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const draft = useDraft(`report.${caseId}`, { kind: "identity" as "identity" | "post-return", identityEvidence: "", welfareCheck: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (me === null || !["caseworker", "verifier", "mediator"].includes(me.role)) return null;
  const v = draft.value;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await data(api.POST("/api/cases/{id}/reports", {
        params: { path: { id: caseId } },
        body: {
          clientId: draft.clientId,
          kind: v.kind,
          language: i18n.language,
          content: { identityEvidence: v.identityEvidence, ...(v.kind === "post-return" && v.welfareCheck !== "" ? { welfareCheck: v.welfareCheck } : {}) },
        },
      }));
      draft.clear();
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="subform">
      <summary>{t("reportDraft.title")}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t("reportDraft.kind")}</legend>
          {(["identity", "post-return"] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="report-kind" value={k} checked={v.kind === k} onChange={() => draft.update((d) => ({ ...d, kind: k }))} />
              {t(`reportKind.${k}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="identity-evidence">{t("reportDraft.identityEvidence")}</label>
        <textarea id="identity-evidence" rows={3} required value={v.identityEvidence} onChange={(e) => draft.update((d) => ({ ...d, identityEvidence: e.target.value }))} />
        {v.kind === "post-return" && (
          <>
            <label htmlFor="welfare-check">{t("reportDraft.welfareCheck")}</label>
            <textarea id="welfare-check" rows={3} value={v.welfareCheck} onChange={(e) => draft.update((d) => ({ ...d, welfareCheck: e.target.value }))} />
          </>
        )}
        <button type="submit" className="primary" disabled={busy}>{t("reportDraft.submit")}</button>
      </form>
      <ErrorMessage error={error} />
    </details>
  );
}
