import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data, type Schemas } from "../api/client";
import { useLoad } from "../use-load";
import { fullName } from "../names";
import { StatusBadge } from "./status";
import { StepError } from "./batch-children";

type Batch = Schemas["Batch"];
const CLOSED = new Set(["scheduled", "reunited", "post-return-verified", "closed", "declined-by-child", "declined-by-guardian", "declined-by-adult", "deceased", "duplicate", "withdrawn"]);

/**
 * The mediator adds children: the cases shared with it that are not closed, each with an "add"
 * that the server checks. A child not yet eligible stays listed with the step it still lacks.
 */
export function BatchCandidates({ batch, onChange }: { batch: Batch; onChange: (b: Batch) => void }) {
  const { t } = useTranslation();
  const { value, error } = useLoad(() => data(api.GET("/api/cases", { params: { query: { limit: 50 } } })), []);
  const [failures, setFailures] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState("");
  const inBatch = new Set(batch.children.map((c) => c.caseId));
  const candidates = (value?.items ?? []).filter((c) => !inBatch.has(c.id) && !CLOSED.has(c.status));

  async function add(caseId: string) {
    setBusy(true);
    setFailures((f) => ({ ...f, [caseId]: undefined }));
    try {
      onChange(await data(api.POST("/api/batches/{id}/children", { params: { path: { id: batch.id } }, body: { caseId } })));
    } catch (err) {
      setFailures((f) => ({ ...f, [caseId]: err }));
    } finally {
      setBusy(false);
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    if (typed.trim() !== "") void add(typed.trim());
  }

  return (
    <section className="card" aria-labelledby="add-h">
      <h2 id="add-h">{t("batch.addTitle")}</h2>
      <p className="hint">{t("batch.addHint")}</p>
      <StepError error={error} />
      {candidates.length === 0 ? <p className="muted">{t("batch.noCandidates")}</p> : (
        <ul className="plain candidates">
          {candidates.map((c) => (
            <li key={c.id} data-testid="batch-candidate">
              <Link to={`/cases/${c.id}`}>{fullName(c.names[0])}</Link> <StatusBadge status={c.status} />{" "}
              <button type="button" disabled={busy} aria-label={t("batch.addChild", { name: fullName(c.names[0]) })} onClick={() => void add(c.id)}>{t("batch.add")}</button>
              {failures[c.id] !== undefined && <StepError error={failures[c.id]} />}
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={submit}>
        <div className="field grow">
          <label htmlFor="add-case-id">{t("batch.caseId")}</label>
          <input id="add-case-id" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <button type="submit" disabled={busy}>{t("batch.add")}</button>
      </form>
      {typed.trim() !== "" && failures[typed.trim()] !== undefined && <StepError error={failures[typed.trim()]} />}
    </section>
  );
}
