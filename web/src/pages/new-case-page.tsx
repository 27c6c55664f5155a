import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useDraft } from "../use-draft";
import { ErrorMessage } from "../components/status";

const EMPTY = { given: "", patronymic: "", family: "", sex: "unknown" as "M" | "F" | "X" | "unknown", birthDate: "", birthPlace: "" };
const optional = (s: string) => (s.trim() === "" ? undefined : s.trim());

/** Registering a child: the draft is kept across reloads and resubmitted under the same id. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraft("new-case", EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const v = draft.value;
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => draft.update((d) => ({ ...d, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const name = { given: optional(v.given), patronymic: optional(v.patronymic), family: optional(v.family) };
      const created = await data(api.POST("/api/cases", {
        body: {
          clientId: draft.clientId,
          names: [name],
          sex: v.sex,
          ...(optional(v.birthDate) === undefined ? {} : { birthDate: v.birthDate.trim() }),
          ...(optional(v.birthPlace) === undefined ? {} : { birthPlace: v.birthPlace.trim() }),
        },
      }));
      draft.clear();
      void navigate(`/cases/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow">
      <h1>{t("newCase.title")}</h1>
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
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{t("newCase.submit")}</button>
          <button type="button" onClick={draft.clear}>{t("common.discard")}</button>
        </div>
      </form>
    </section>
  );
}
