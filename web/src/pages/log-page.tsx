import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { canonicalJson } from "../../../src/ledger/canonical-json.ts";
import { fromHex, utf8 } from "../../../src/ledger/bytes.ts";
import { leafHash, verifyInclusion } from "../../../src/ledger/merkle.ts";
import { api, data } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { ErrorMessage, Loading } from "../components/status";

async function loadLog() {
  const info = await data(api.GET("/api/log"));
  const first = Math.max(0, info.size - 15);
  const indexes = Array.from({ length: info.size - first }, (_, i) => info.size - 1 - i);
  const entries = await Promise.all(indexes.map((index) => data(api.GET("/api/log/entries/{index}", { params: { path: { index } } }))));
  return { info, entries };
}

interface ProofCheck {
  index: number;
  size: number;
  ok: boolean;
  reason?: string;
  matchesCheckpoint: boolean;
}

/** Fetches the entry and its proof, then checks the proof here with the pure ledger code: the server is not trusted. */
async function checkInclusion(index: number, checkpoint: { size: number; root: string }): Promise<ProofCheck> {
  const size = checkpoint.size;
  const [line, proof] = await Promise.all([
    data(api.GET("/api/log/entries/{index}", { params: { path: { index } } })),
    data(api.GET("/api/log/proofs/inclusion", { params: { query: { index, size } } })),
  ]);
  const leaf = leafHash(utf8(canonicalJson(line)));
  const result = verifyInclusion(index, size, leaf, proof.proof.map((p) => fromHex(p)), fromHex(checkpoint.root));
  return { index, size, ok: result.ok, ...(result.ok ? {} : { reason: result.reason }), matchesCheckpoint: proof.root === checkpoint.root };
}

export function LogPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { value, error, loading } = useLoad(loadLog, []);
  const [index, setIndex] = useState("");
  const [check, setCheck] = useState<ProofCheck | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (loading && value === undefined) return <Loading />;
  if (value === undefined) return <ErrorMessage error={error} />;
  const { info, entries } = value;
  const cp = info.checkpoint?.checkpoint ?? { size: info.size, root: info.root, time: "" };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCheck(null);
    setFailure(null);
    try {
      const n = Number(index);
      setCheck(await checkInclusion(n, n < cp.size ? cp : { size: info.size, root: info.root }));
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <section>
      <h1>{t("log.title")}</h1>
      <dl className="facts card">
        <dt>{t("log.size")}</dt><dd>{f.number(info.size)}</dd>
        <dt>{t("log.root")}</dt><dd><code className="hash">{info.root}</code></dd>
        <dt>{t("log.checkpoint")}</dt><dd>{info.checkpoint == null ? t("log.noCheckpoint") : t("log.checkpointText", { size: f.number(cp.size), when: f.dateTime(cp.time), n: info.checkpoint.sigs.length })}</dd>
      </dl>
      <section className="card" aria-labelledby="proof-h">
        <h2 id="proof-h">{t("log.proofTitle")}</h2>
        <p className="hint">{t("log.proofHint")}</p>
        <form className="inline-form" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="entry-index">{t("log.index")}</label>
            <input id="entry-index" inputMode="numeric" pattern="[0-9]+" required value={index} onChange={(e) => setIndex(e.target.value)} />
          </div>
          <button type="submit" className="primary">{t("log.check")}</button>
        </form>
        <ErrorMessage error={failure} />
        {check !== null && (
          <p role="status" className={check.ok && check.matchesCheckpoint ? "verified" : "error"}>
            {check.ok && check.matchesCheckpoint
              ? `✓ ${t("log.proofOk", { index: f.number(check.index), size: f.number(check.size) })}`
              : `✗ ${t("log.proofBad", { index: f.number(check.index), reason: check.reason ?? t("log.rootDiffers") })}`}
          </p>
        )}
      </section>
      <h2>{t("log.latest")}</h2>
      <table className="list">
        <thead><tr><th scope="col">{t("log.index")}</th><th scope="col">{t("log.type")}</th><th scope="col">{t("log.party")}</th><th scope="col">{t("log.time")}</th></tr></thead>
        <tbody>
          {entries.map((line) => {
            const e = line.entry as { index: number; type: string; party: string; time: string };
            return <tr key={e.index}><td className="num">{f.number(e.index)}</td><td><code>{e.type}</code></td><td>{e.party}</td><td>{f.dateTime(e.time)}</td></tr>;
          })}
        </tbody>
      </table>
    </section>
  );
}
