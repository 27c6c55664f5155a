import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data, type Schemas } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { useMe } from "../session";
import { fullName } from "../names";
import { missingStepOf } from "../batch-steps";
import { ErrorMessage } from "./status";

type Batch = Schemas["Batch"];

/** A failed batch step said plainly: the missing step when the server names one, else the usual message. */
export function StepError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const step = missingStepOf(error);
  if (step === null) return <ErrorMessage error={error} />;
  return <p className="error" role="alert">{t("batch.notYet")} {t(`batchStep.${step}`)}</p>;
}

// The names of the children in the batch, as far as the caller may see them.
async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
  const pairs = await Promise.all(ids.map(async (id) => {
    try {
      const c = await data(api.GET("/api/cases/{id}", { params: { path: { id } } }));
      return [id, fullName(c.names[0])] as const;
    } catch {
      return [id, id] as const;
    }
  }));
  return new Map(pairs);
}

/** The children in the batch; the sending and receiving parties each confirm every handover. */
export function BatchChildren({ batch, onChange }: { batch: Batch; onChange: (b: Batch) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const ids = batch.children.map((c) => c.caseId);
  const { value: names } = useLoad(() => namesOf(ids), [ids.join(",")]);
  const [failure, setFailure] = useState<{ caseId: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const mySide = me.party === batch.from || me.party === batch.to;

  async function confirm(caseId: string) {
    setBusy(caseId);
    setFailure(null);
    try {
      onChange(await data(api.POST("/api/batches/{id}/handovers", { params: { path: { id: batch.id } }, body: { caseId } })));
    } catch (error) {
      setFailure({ caseId, error });
    } finally {
      setBusy(null);
    }
  }

  if (batch.children.length === 0) return <p className="muted">{t("batch.noChildren")}</p>;
  return (
    <table className="list">
      <caption className="visually-hidden">{t("batch.children")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("batch.child")}</th>
          <th scope="col">{t("batch.handoverBy", { party: batch.from })}</th>
          <th scope="col">{t("batch.handoverBy", { party: batch.to })}</th>
          <th scope="col">{t("batch.reunited")}</th>
          <th scope="col"><span className="visually-hidden">{t("batch.actions")}</span></th>
        </tr>
      </thead>
      <tbody>
        {batch.children.map((c) => {
          const by = new Map(c.handovers.map((h) => [h.partyId, h.at]));
          const mine = by.has(me.party);
          const name = names?.get(c.caseId) ?? c.caseId;
          return (
            <tr key={c.caseId} data-testid="batch-child">
              <td><Link to={`/cases/${c.caseId}`}>{name}</Link></td>
              {[batch.from, batch.to].map((p) => (
                <td key={p}>{by.has(p) ? <span className="verified">✓ {f.dateTime(by.get(p)!)}</span> : <span className="muted">{t("batch.awaiting")}</span>}</td>
              ))}
              <td>{c.reunitedAt === null ? "—" : f.dateTime(c.reunitedAt)}{c.postReturnCheckDue !== null && <><br /><span className="muted">{t("batch.checkDue", { date: f.date(c.postReturnCheckDue) })}</span></>}</td>
              <td>
                {mySide && !mine && me.role !== "auditor" && batch.status === "in-transit" && (
                  <button type="button" className="primary" data-testid="confirm-handover" disabled={busy !== null}
                    aria-label={t("batch.confirmHandoverOf", { name })} onClick={() => void confirm(c.caseId)}>{t("batch.confirmHandover")}</button>
                )}
                {failure?.caseId === c.caseId && <StepError error={failure.error} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
