import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, data, type Schemas } from "../api/client";
import { useDraft } from "../use-draft";
import { ErrorMessage } from "./status";

type Action = Schemas["ActionRequest"]["action"];
const STEPS = [
  "register", "locate", "verify-identity", "confirm-by-mediator", "return-consent", "schedule", "reunite", "add-note", "record-views", "share", "hold", "resume", "withdraw",
] as const;
type Step = (typeof STEPS)[number];

interface StepDraft { step: Step; text: string; batchId: string; partyId: string; scope: "view" | "participate"; reportRef: string; givenBy: "guardian" | "person" }

function toAction({ step, text, batchId, partyId, scope, reportRef, givenBy }: StepDraft): Action {
  const note = text === "" ? {} : { note: text };
  const ref = reportRef === "" ? {} : { reportRef };
  switch (step) {
    case "verify-identity": return { type: "verify-identity", ...ref, ...note };
    case "confirm-by-mediator": return { type: "confirm-by-mediator", ...ref, ...note };
    // The return consent of the one entitled to give it: a batch takes the child only with it.
    case "return-consent": return { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy, ...note } };
    case "share": return { type: "share", partyId, scope };
    case "register": return { type: "register", ...note };
    case "locate": return { type: "locate", ...note };
    case "schedule": return { type: "schedule", ...(batchId === "" ? {} : { batchId }), ...note };
    case "reunite": return { type: "reunite", ...note };
    case "add-note": return { type: "add-note", text };
    case "record-views": return { type: "record-views", views: text };
    case "hold": return { type: "hold", reason: text };
    case "resume": return { type: "resume", reason: text };
    case "withdraw": return { type: "withdraw", reason: text };
  }
}

/** One lifecycle step on a case; the draft and its action id survive a reload or a lost connection. */
export function CaseActionForm({ caseId, version, reports, onDone }: { caseId: string; version: number; reports: readonly { id: string; kind: string }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const draft = useDraft<StepDraft>(`case-action.${caseId}`, { step: "register", text: "", batchId: "", partyId: "", scope: "participate", reportRef: "", givenBy: "guardian" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { step, text, batchId, partyId, scope, givenBy } = draft.value;
  const identityReports = reports.filter((r) => r.kind === "identity");
  const reportRef = draft.value.reportRef === "" ? (identityReports[0]?.id ?? "") : draft.value.reportRef;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await data(api.POST("/api/cases/{id}/actions", {
        params: { path: { id: caseId } },
        body: { clientId: draft.clientId, expectedVersion: version, action: toAction({ step, text: text.trim(), batchId: batchId.trim(), partyId: partyId.trim(), scope, reportRef, givenBy }) },
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
    <section className="card" aria-labelledby="step-h">
      <h2 id="step-h">{t("caseAction.title")}</h2>
      <form onSubmit={(e) => void submit(e)} className="inline-form">
        <div className="field">
          <label htmlFor="step">{t("caseAction.step")}</label>
          <select id="step" value={step} onChange={(e) => draft.update((d) => ({ ...d, step: e.target.value as Step }))}>
            {STEPS.map((s) => <option key={s} value={s}>{t(`action.${s}`)}</option>)}
          </select>
        </div>
        {step === "schedule" && (
          <div className="field">
            <label htmlFor="batch-id">{t("caseAction.batch")}</label>
            <input id="batch-id" value={batchId} onChange={(e) => draft.update((d) => ({ ...d, batchId: e.target.value }))} />
          </div>
        )}
        {(step === "verify-identity" || step === "confirm-by-mediator") && identityReports.length > 0 && (
          <div className="field">
            <label htmlFor="step-report">{t("caseAction.report")}</label>
            <select id="step-report" value={reportRef} onChange={(e) => draft.update((d) => ({ ...d, reportRef: e.target.value }))}>
              {identityReports.map((r, i) => <option key={r.id} value={r.id}>{t("caseAction.reportN", { n: i + 1 })}</option>)}
            </select>
          </div>
        )}
        {step === "return-consent" && (
          <div className="field">
            <label htmlFor="step-given-by">{t("newCase.givenBy")}</label>
            <select id="step-given-by" value={givenBy} onChange={(e) => draft.update((d) => ({ ...d, givenBy: e.target.value as StepDraft["givenBy"] }))}>
              {(["guardian", "person"] as const).map((g) => <option key={g} value={g}>{t(`consentGiver.${g}`)}</option>)}
            </select>
          </div>
        )}
        {step === "share" && (
          <>
            <div className="field">
              <label htmlFor="share-party">{t("caseAction.party")}</label>
              <input id="share-party" required value={partyId} onChange={(e) => draft.update((d) => ({ ...d, partyId: e.target.value }))} aria-describedby="share-party-hint" />
              <p id="share-party-hint" className="hint">{t("caseAction.partyHint")}</p>
            </div>
            <div className="field">
              <label htmlFor="share-scope">{t("caseAction.scope")}</label>
              <select id="share-scope" value={scope} onChange={(e) => draft.update((d) => ({ ...d, scope: e.target.value as StepDraft["scope"] }))}>
                {(["view", "participate"] as const).map((s) => <option key={s} value={s}>{t(`shareScope.${s}`)}</option>)}
              </select>
            </div>
          </>
        )}
        <div className="field grow">
          <label htmlFor="step-text">{t("caseAction.text")}</label>
          <textarea id="step-text" rows={2} value={text} onChange={(e) => draft.update((d) => ({ ...d, text: e.target.value }))} />
        </div>
        <button type="submit" className="primary" disabled={busy}>{t("caseAction.submit")}</button>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
