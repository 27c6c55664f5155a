import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { ErrorMessage, Loading } from "../components/status";
import { fullName } from "../names";

const STATUSES = ["pending", "agreed", "rejected"] as const;
type MatchStatus = (typeof STATUSES)[number];

export function MatchesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get("status") ?? "") ? (params.get("status") as MatchStatus) : "pending";
  const { value, error, loading } = useLoad(() => data(api.GET("/api/matches", { params: { query: { status, limit: 100 } } })), [status]);
  return (
    <section>
      <h1>{t("matches.title")}</h1>
      <div className="tabs" role="group" aria-label={t("matches.filter")}>
        {STATUSES.map((s) => (
          <button key={s} type="button" aria-pressed={s === status} onClick={() => setParams({ status: s })}>{t(`matchStatus.${s}`)}</button>
        ))}
      </div>
      {loading && value === undefined && <Loading />}
      <ErrorMessage error={error} />
      {value !== undefined && (value.items.length === 0 ? <p className="muted">{t("matches.none")}</p> : (
        <table className="list">
          <thead><tr><th scope="col">{t("matches.tracing")}</th><th scope="col">{t("matches.holding")}</th><th scope="col">{t("matches.probability")}</th><th scope="col">{t("matches.flag")}</th></tr></thead>
          <tbody>
            {value.items.map((m) => (
              <tr key={m.id}>
                <td><Link to={`/matches/${m.id}`}>{fullName(m.tracing.names[0])}</Link></td>
                <td>{fullName(m.holding.names[0])}</td>
                <td className="num">{f.percent(m.probability)}</td>
                <td>{m.flag === null ? "" : <span className="badge warn">{t(`flag.${m.flag}`)}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
