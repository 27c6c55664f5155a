import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useDraft } from "../use-draft";
import { ErrorMessage } from "../components/status";
import { CsvImport } from "../components/csv-import";

const EMPTY = {
  given: "", patronymic: "", family: "", sex: "unknown" as "M" | "F" | "X" | "unknown", birthDate: "", birthPlace: "",
  consentRecorded: false, forTracing: true, forSharing: false, givenBy: "guardian" as "guardian" | "person", guardianName: "",
  to: "", mediator: "", biography: "",
};
type Draft = typeof EMPTY;

/** What is filed: a case of one's own, a disclosure of a child held, or a request to trace a child. */
export type RecordMode = "case" | "disclosure" | "tracing-request";
const optional = (s: string) => (s.trim() === "" ? undefined : s.trim());

function caseBody(v: Draft) {
  return {
    names: [{ given: optional(v.given), patronymic: optional(v.patronymic), family: optional(v.family) }],
    sex: v.sex,
    ...(optional(v.birthDate) === undefined ? {} : { birthDate: v.birthDate.trim() }),
    ...(optional(v.birthPlace) === undefined ? {} : { birthPlace: v.birthPlace.trim() }),
    ...(v.consentRecorded ? {
      consent: {
        forTracing: v.forTracing, forSharing: v.forSharing, givenBy: v.givenBy,
        ...(v.givenBy === "guardian" && optional(v.guardianName) !== undefined ? { guardianName: v.guardianName.trim() } : {}),
      },
    } : {}),
  };
}

function channel(v: Draft) {
  return { to: v.to.trim(), ...(optional(v.mediator) === undefined ? {} : { mediator: v.mediator.trim() }) };
}

/** Files the record under the draft's action id; the case's id comes back. */
async function file(mode: RecordMode, v: Draft, clientId: string): Promise<string> {
  if (mode === "case") return (await data(api.POST("/api/cases", { body: { clientId, ...caseBody(v) } }))).id;
  const created = mode === "disclosure"
    ? await data(api.POST("/api/disclosures", { body: { clientId, ...caseBody(v), ...channel(v), biography: v.biography.trim(), nameChanges: [], citizenshipChanges: [], services: [] } }))
    : await data(api.POST("/api/tracing-requests", { body: { clientId, ...caseBody(v), ...channel(v) } }));
  return "id" in created ? created.id : created.ids[0] ?? "";
}

/** Registering a child: the draft is kept across reloads and resubmitted under the same id. */
export function NewCasePage({ mode = "case" }: { mode?: RecordMode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraft(`new-${mode}`, EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const v = draft.value;
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => draft.update((d) => ({ ...d, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const id = await file(mode, v, draft.clientId);
      draft.clear();
      void navigate(`/cases/${id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow">
      <h1>{t(`newCase.title.${mode}`)}</h1>
      <p className="lead">{t("newCase.lead")}</p>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <label htmlFor="given">{t("field.given")}</label>
        <input id="given" value={v.given} onChange={set("given")} />
        <label htmlFor="patronymic">{t("field.patronymic")}</label>
        <input id="patronymic" value={v.patronymic} onChange={set("patronymic")} />
        <label htmlFor="family">{t("field.family")}</label>
        <input id="family" value={v.family} onChange={set("family")} />
        <label htmlFor="sex">{t("case.sex")}</label>
        <select id="sex" value={v.sex} onChange={set("sex")}>
          {(["F", "M", "X", "unknown"] as const).map((s) => <option key={s} value={s}>{t(`sex.${s}`)}</option>)}
        </select>
        <label htmlFor="birth-date">{t("case.birthDate")}</label>
        <input id="birth-date" value={v.birthDate} onChange={set("birthDate")} placeholder="2014-03-07" aria-describedby="birth-date-hint" />
        <p id="birth-date-hint" className="hint">{t("newCase.dateHint")}</p>
        <label htmlFor="birth-place">{t("case.birthPlace")}</label>
        <input id="birth-place" value={v.birthPlace} onChange={set("birthPlace")} />
        {mode === "disclosure" && (
          <>
            <label htmlFor="biography">{t("newCase.biography")}</label>
            <textarea id="biography" rows={4} required value={v.biography} onChange={set("biography")} aria-describedby="biography-hint" />
            <p id="biography-hint" className="hint">{t("newCase.biographyHint")}</p>
          </>
        )}
        {mode !== "case" && (
          <>
            <label htmlFor="to-party">{t("newCase.to")}</label>
            <input id="to-party" required value={v.to} onChange={set("to")} aria-describedby="to-party-hint" />
            <p id="to-party-hint" className="hint">{t(`newCase.toHint.${mode}`)}</p>
            <label htmlFor="mediator-party">{t("newCase.mediator")}</label>
            <input id="mediator-party" value={v.mediator} onChange={set("mediator")} />
          </>
        )}
        <fieldset>
          <legend>{t("newCase.consent")}</legend>
          <p className="hint" id="consent-hint">{t("newCase.consentHint")}</p>
          <label className="choice">
            <input type="checkbox" id="consent-recorded" checked={v.consentRecorded} onChange={(e) => draft.update((d) => ({ ...d, consentRecorded: e.target.checked }))} aria-describedby="consent-hint" />
            {t("newCase.consentRecorded")}
          </label>
          {v.consentRecorded && (
            <>
              <label className="choice">
                <input type="checkbox" id="for-tracing" checked={v.forTracing} onChange={(e) => draft.update((d) => ({ ...d, forTracing: e.target.checked }))} />
                {t("newCase.forTracing")}
              </label>
              <label className="choice">
                <input type="checkbox" id="for-sharing" checked={v.forSharing} onChange={(e) => draft.update((d) => ({ ...d, forSharing: e.target.checked }))} />
                {t("newCase.forSharing")}
              </label>
              <label htmlFor="given-by">{t("newCase.givenBy")}</label>
              <select id="given-by" value={v.givenBy} onChange={(e) => draft.update((d) => ({ ...d, givenBy: e.target.value as "guardian" | "person" }))}>
                {(["guardian", "person"] as const).map((g) => <option key={g} value={g}>{t(`consentGiver.${g}`)}</option>)}
              </select>
              {v.givenBy === "guardian" && (
                <>
                  <label htmlFor="guardian-name">{t("newCase.guardianName")}</label>
                  <input id="guardian-name" value={v.guardianName} onChange={set("guardianName")} />
                </>
              )}
            </>
          )}
        </fieldset>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{t(`newCase.submit.${mode}`)}</button>
          <button type="button" onClick={draft.clear}>{t("common.discard")}</button>
        </div>
      </form>
      <CsvImport kind={mode === "case" ? "cases" : mode === "disclosure" ? "disclosures" : "tracing-requests"} />
    </section>
  );
}
