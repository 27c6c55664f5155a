import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data, type Schemas } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { useDraft } from "../use-draft";
import { useMe } from "../session";
import { ErrorMessage, Loading } from "../components/status";
import { BatchChildren, StepError } from "../components/batch-children";
import { BatchCandidates } from "../components/batch-candidates";
import { NEXT_STATUSES, type BatchStatus } from "../batch-steps";

type Batch = Schemas["Batch"];

/** The mediator moves the batch on; postponing and cancelling say why, planning again gives the new date. */
function TransitionForm({ batch, onChange }: { batch: Batch; onChange: (b: Batch) => void }) {
  const { t } = useTranslation();
  const next = NEXT_STATUSES[batch.status];
  const draft = useDraft<{ to: string; reason: string; plannedDate: string }>(`batch-move.${batch.id}.${batch.status}`, { to: next[0] ?? "", reason: "", plannedDate: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (next.length === 0) return null;
  const { to, reason, plannedDate } = draft.value;
  const needsReason = to === "postponed" || to === "cancelled";

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { clientId: draft.clientId, to: to as BatchStatus, ...(needsReason ? { reason: reason.trim() } : {}), ...(to === "planned" ? { plannedDate } : {}) };
      const moved = await data(api.POST("/api/batches/{id}/transitions", { params: { path: { id: batch.id } }, body }));
      draft.clear();
      onChange(moved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="move-h">
      <h2 id="move-h">{t("batch.moveTitle")}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="batch-next">{t("batch.moveTo")}</label>
          <select id="batch-next" value={to} onChange={(e) => draft.update((d) => ({ ...d, to: e.target.value }))}>
            {next.map((s) => <option key={s} value={s}>{t(`batchStatus.${s}`)}</option>)}
          </select>
        </div>
        {needsReason && (
          <div className="field grow">
            <label htmlFor="batch-reason">{t("batch.reason")}</label>
            <input id="batch-reason" required value={reason} onChange={(e) => draft.update((d) => ({ ...d, reason: e.target.value }))} />
          </div>
        )}
        {to === "planned" && (
          <div className="field">
            <label htmlFor="batch-new-date">{t("batch.newDate")}</label>
            <input id="batch-new-date" type="date" required value={plannedDate} onChange={(e) => draft.update((d) => ({ ...d, plannedDate: e.target.value }))} />
          </div>
        )}
        <button type="submit" className="primary" data-testid="move-batch" disabled={busy}>{t("batch.move")}</button>
      </form>
      <StepError error={error} />
    </section>
  );
}

function History({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">{t("batch.history")}</h2>
      <ol className="timeline">
        <li><span className="when">{f.dateTime(batch.createdAt)}</span><span className="what">{t("batchStatus.planned")}</span></li>
        {batch.transitions.map((tr, i) => (
          <li key={i}>
            <span className="when">{f.dateTime(tr.at)}</span>
            <span className="what">{t(`batchStatus.${tr.to}`)}</span>
            {tr.reason !== null && <span className="muted">{tr.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function BatchPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const { value, error, loading } = useLoad(() => data(api.GET("/api/batches/{id}", { params: { path: { id } } })), [id]);
  const [fresh, setFresh] = useState<Batch | null>(null);
  if (loading && value === undefined) return <Loading />;
  if (value === undefined) return <ErrorMessage error={error} />;
  const batch = fresh !== null && fresh.id === value.id ? fresh : value;
  const mediator = me.role === "mediator" && me.party === batch.mediator;
  const open = batch.status === "planned" || batch.status === "confirmed" || batch.status === "postponed";
  return (
    <section>
      <p className="breadcrumb"><Link to="/batches">{t("batch.listTitle")}</Link></p>
      <div className="title-row">
        <h1>{batch.name}</h1>
        <span className={`badge batch-${batch.status}`} data-testid="batch-status">{t(`batchStatus.${batch.status}`)}</span>
      </div>
      <dl className="facts card">
        <dt>{t("batch.from")}</dt><dd>{batch.from}</dd>
        <dt>{t("batch.to")}</dt><dd>{batch.to}</dd>
        <dt>{t("batch.mediator")}</dt><dd>{batch.mediator}</dd>
        <dt>{t("batch.plannedDate")}</dt><dd>{f.date(batch.plannedDate)}</dd>
        <dt>{t("batch.handoverPoint")}</dt><dd>{batch.handoverPoint}</dd>
        {batch.reason !== null && <><dt>{t("batch.reason")}</dt><dd>{batch.reason}</dd></>}
        {batch.completedAt !== null && <><dt>{t("batch.completedAt")}</dt><dd>{f.dateTime(batch.completedAt)}</dd></>}
      </dl>
      <section className="card" aria-labelledby="children-h">
        <h2 id="children-h">{t("batch.children")}</h2>
        {batch.status === "in-transit" && <p className="hint">{t("batch.handoverHint")}</p>}
        <BatchChildren batch={batch} onChange={setFresh} />
      </section>
      {mediator && open && <BatchCandidates batch={batch} onChange={setFresh} />}
      {mediator && <TransitionForm key={batch.status} batch={batch} onChange={setFresh} />}
      <History batch={batch} />
    </section>
  );
}
