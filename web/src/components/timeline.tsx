import { useTranslation } from "react-i18next";
import { api, data, type Schemas } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { checkCaseStep, type PublicKey, type StepVerdict } from "../case-log-check";

type HistoryItem = Schemas["History"]["items"][number];

/** Every step of the case that is in the log, checked here: sequence → verdict. */
async function checkSteps(caseId: string): Promise<Map<number, StepVerdict>> {
  const [log, keyList, info] = await Promise.all([
    data(api.GET("/api/cases/{id}/log", { params: { path: { id: caseId } } })),
    data(api.GET("/api/keys")),
    data(api.GET("/api/log")),
  ]);
  const keys = new Map<string, PublicKey>(keyList.keys.map((k) => [k.id, k]));
  const size = info.size;
  const verdicts = await Promise.all(log.steps.map(async (step): Promise<[number, StepVerdict]> => {
    try {
      const [line, proof] = await Promise.all([
        data(api.GET("/api/log/entries/{index}", { params: { path: { index: step.index } } })),
        data(api.GET("/api/log/proofs/inclusion", { params: { query: { index: step.index, size } } })),
      ]);
      return [step.sequence, checkCaseStep(line, log.opening, step, keys, { size, root: info.root, hashes: proof.proof })];
    } catch {
      return [step.sequence, { ok: false, reason: `entry ${step.index} could not be read` }];
    }
  }));
  return new Map(verdicts);
}

function Mark({ verdict, checking }: { verdict: StepVerdict | undefined; checking: boolean }) {
  const { t } = useTranslation();
  if (checking) return <span className="muted">{t("timeline.checking")}</span>;
  if (verdict === undefined) return <span className="muted">{t("timeline.notInLog")}</span>;
  if (verdict.ok) return <span className="verified" data-testid="step-verified">✓ {t("timeline.verified")}</span>;
  return <span className="unverified" data-testid="step-failed">✗ {t("timeline.failed", { reason: verdict.reason })}</span>;
}

/** The case's signed actions, each marked verified (or not) by the browser's own check of the log. */
export function Timeline({ caseId, items }: { caseId: string; items: readonly HistoryItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { value, error, loading } = useLoad(() => checkSteps(caseId), [caseId, items.length]);
  return (
    <section className="card" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t("case.timeline")}</h2>
      <p className="hint">{error === undefined ? t("timeline.hint") : t("timeline.unchecked")}</p>
      <ol className="timeline">
        {items.map((h) => (
          <li key={h.sequence}>
            <span className="when">{f.dateTime(h.at)}</span>
            <span className="what">{t(`action.${h.type}`, { defaultValue: h.type })}</span>
            <span className="muted">{t("case.by", { party: h.actor.partyId, role: t(`role.${h.actor.role}`, { defaultValue: h.actor.role }) })}</span>
            {error === undefined && <Mark verdict={value?.get(h.sequence)} checking={loading && value === undefined} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
