import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/** A failed load or submit, said plainly with what to do next. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const e = error instanceof ApiError ? error : new ApiError(-1, undefined);
  const key = e.status === 0 ? "error.offline" : e.status === 404 ? "error.notFound" : e.status === 403 ? "error.forbidden"
    : e.status === 409 ? "error.conflict" : e.status === 400 ? "error.invalid" : e.status === 429 ? "error.tooMany" : "error.generic";
  return (
    <div className="error" role="alert">
      <p>{t(key)}</p>
      {e.problem?.detail !== undefined && <p className="detail">{e.problem.detail}</p>}
      {e.problem?.errors !== undefined && (
        <ul>{e.problem.errors.map((f) => <li key={f.pointer}><code>{f.field}</code>: {f.detail}</li>)}</ul>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="loading" role="status">{t("common.loading")}</p>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
