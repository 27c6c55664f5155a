import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, data, type Schemas } from "../api/client";
import { useDraft } from "../use-draft";
import { ErrorMessage } from "./status";

type Action = Schemas["ActionRequest"]["action"];
const STEPS = ["register", "locate", "schedule", "reunite", "add-note", "record-views", "share", "hold", "resume", "withdraw"] as const;
type Step = (typeof STEPS)[number];

interface StepDraft { step: Step; text: string; batchId: string; partyId: string; scope: "view" | "participate" }

function toAction({ step, text, batchId, partyId, scope }: StepDraft): Action {
  const note = text === "" ? {} : { note: text };
  switch (step) {
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
export function CaseActionForm({ caseId, version, onDone }: { caseId: string; version: number; onDone: () => void }) {
  const { t } = useTranslation();
  const draft = useDraft<StepDraft>(`case-action.${caseId}`, { step: "register", text: "", batchId: "", partyId: "", scope: "participate" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { step, text, batchId, partyId, scope } = draft.value;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await data(api.POST("/api/cases/{id}/actions", {
        params: { path: { id: caseId } },
        body: { clientId: draft.clientId, expectedVersion: version, action: toAction({ step, text: text.trim(), batchId: batchId.trim(), partyId: partyId.trim(), scope }) },
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
