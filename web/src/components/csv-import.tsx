import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useFormat } from "../i18n/format";
import { csvParts } from "../csv-parts";
import { ErrorMessage } from "./status";

export type ImportKind = "cases" | "disclosures" | "tracing-requests";
interface Outcome { created: number; existing: number; rejected: { line: number; reason: string }[] }

// Rows per request: well under the API's body limit for any realistic row.
const PART_ROWS = 200;

/** Sends the parts one after another, reporting the rows done; rejected lines are the file's own. */
async function importParts(kind: ImportKind, text: string, onProgress: (done: number, total: number) => void): Promise<Outcome> {
  const parts = csvParts(text, PART_ROWS);
  const total = parts.reduce((n, p) => n + p.records, 0);
  const out: Outcome = { created: 0, existing: 0, rejected: [] };
  let done = 0;
  onProgress(0, total);
  for (const part of parts) {
    const r = await data(api.POST("/api/imports/{kind}", {
      params: { path: { kind } },
      body: part.text,
      bodySerializer: (b: string) => b,
      headers: { "content-type": "text/csv" },
    }));
    out.created += r.created;
    out.existing += r.existing;
    out.rejected.push(...r.rejected.map((x) => ({ line: part.lines.get(x.line) ?? x.line, reason: x.reason })));
    done += part.records;
    onProgress(done, total);
  }
  return out;
}

/** A spreadsheet of many children at once, with progress and the rows that need fixing. */
export function CsvImport({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = progress !== null && outcome === null && error === null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (file === null) return;
    setOutcome(null);
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      setOutcome(await importParts(kind, await file.text(), (done, total) => setProgress({ done, total })));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="csv-h">
      <h2 id="csv-h">{t("csv.title")}</h2>
      <p className="hint" id="csv-hint">{t(`csv.hint.${kind}`)}</p>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <div className="field grow">
          <label htmlFor="csv-file">{t("csv.file")}</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" required aria-describedby="csv-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="primary" disabled={busy || file === null}>{t("csv.upload")}</button>
      </form>
      {progress !== null && (
        <div role="status" className="csv-progress">
          <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t("csv.progressLabel")} />{" "}
          <span data-testid="csv-progress">{t("csv.progress", { done: f.number(progress.done), total: f.number(progress.total) })}</span>
        </div>
      )}
      <ErrorMessage error={error} />
      {outcome !== null && (
        <>
          <p role="status" data-testid="csv-outcome">{t("csv.outcome", { created: f.number(outcome.created), existing: f.number(outcome.existing), rejected: f.number(outcome.rejected.length) })}</p>
          {outcome.rejected.length > 0 && (
            <table className="list compact" data-testid="csv-rejected">
              <caption>{t("csv.rejectedCaption")}</caption>
              <thead><tr><th scope="col" className="num">{t("csv.line")}</th><th scope="col">{t("csv.reason")}</th></tr></thead>
              <tbody>{outcome.rejected.map((r) => <tr key={r.line}><td className="num">{f.number(r.line)}</td><td>{r.reason}</td></tr>)}</tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
