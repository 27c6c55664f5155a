import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { useDraft } from "../use-draft";
import { useMe } from "../session";
import { ErrorMessage, Loading } from "../components/status";

const EMPTY = { name: "", from: "holding-authority", to: "tracing-authority", plannedDate: "", handoverPoint: "" };
type Plan = typeof EMPTY;

/** The mediator plans a batch; the draft and its action id survive a reload or a lost connection. */
function PlanBatchForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraft<Plan>("plan-batch", EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const v = draft.value;
  const set = (key: keyof Plan) => (e: { target: { value: string } }) => draft.update((d) => ({ ...d, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { clientId: draft.clientId, name: v.name.trim(), from: v.from.trim(), to: v.to.trim(), plannedDate: v.plannedDate, handoverPoint: v.handoverPoint.trim() };
      const { id } = await data(api.POST("/api/batches", { body }));
      draft.clear();
      void navigate(`/batches/${id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="plan-h">
      <h2 id="plan-h">{t("batch.planTitle")}</h2>
      <p className="hint">{t("batch.planHint")}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="batch-name">{t("batch.name")}</label>
        <input id="batch-name" required value={v.name} onChange={set("name")} />
        <div className="filters">
          <div className="field">
            <label htmlFor="batch-from">{t("batch.from")}</label>
            <input id="batch-from" required value={v.from} onChange={set("from")} aria-describedby="batch-parties-hint" />
          </div>
          <div className="field">
            <label htmlFor="batch-to">{t("batch.to")}</label>
            <input id="batch-to" required value={v.to} onChange={set("to")} aria-describedby="batch-parties-hint" />
          </div>
        </div>
        <p id="batch-parties-hint" className="hint">{t("batch.partiesHint")}</p>
        <div className="filters">
          <div className="field">
            <label htmlFor="batch-date">{t("batch.plannedDate")}</label>
            <input id="batch-date" type="date" required value={v.plannedDate} onChange={set("plannedDate")} />
          </div>
          <div className="field grow">
            <label htmlFor="batch-point">{t("batch.handoverPoint")}</label>
            <input id="batch-point" required value={v.handoverPoint} onChange={set("handoverPoint")} />
          </div>
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{t("batch.plan")}</button>
          <button type="button" onClick={draft.clear}>{t("common.discard")}</button>
        </div>
      </form>
    </section>
  );
}

/** The batches the caller's party is part of; the mediator plans new ones here. */
export function BatchesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const { value, error, loading } = useLoad(() => data(api.GET("/api/batches")), []);
  return (
    <section>
      <h1>{t("batch.listTitle")}</h1>
      <p className="lead">{t(me.role === "mediator" ? "batch.leadMediator" : "batch.leadParty")}</p>
      {me.role === "mediator" && <PlanBatchForm />}
      {loading && value === undefined && <Loading />}
      <ErrorMessage error={error} />
      {value !== undefined && (value.items.length === 0 ? <p className="muted">{t("batch.none")}</p> : (
        <table className="list">
          <caption className="visually-hidden">{t("batch.listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("batch.name")}</th><th scope="col">{t("batch.direction")}</th><th scope="col">{t("batch.plannedDate")}</th>
              <th scope="col">{t("batch.status")}</th><th scope="col" className="num">{t("batch.children")}</th>
            </tr>
          </thead>
          <tbody>
            {value.items.map((b) => (
              <tr key={b.id}>
                <td><Link to={`/batches/${b.id}`}>{b.name}</Link></td>
                <td>{b.from} → {b.to}</td>
                <td>{f.date(b.plannedDate)}</td>
                <td><span className={`badge batch-${b.status}`}>{t(`batchStatus.${b.status}`)}</span></td>
                <td className="num">{f.number(b.children.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
