import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { ErrorMessage, Loading, StatusBadge } from "../components/status";
import { CASE_STATUSES } from "../case-statuses";

// Children whose 18th birthday falls within this many days: their consent passes to them.
const SOON_DAYS = 90;

async function loadCounts() {
  const counts = await Promise.all(
    CASE_STATUSES.map(async (status) => {
      const page = await data(api.GET("/api/cases", { params: { query: { status, limit: 1 } } }));
      return [status, page.total] as const;
    }),
  );
  const [pending, turning18, adults] = await Promise.all([
    data(api.GET("/api/matches", { params: { query: { status: "pending", limit: 1 } } })),
    data(api.GET("/api/cases", { params: { query: { turning18Within: SOON_DAYS, limit: 1 } } })),
    data(api.GET("/api/cases", { params: { query: { track: "adult", limit: 1 } } })),
  ]);
  return { counts, pending: pending.total, turning18: turning18.total, adults: adults.total };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { value, error, loading } = useLoad(loadCounts, []);
  const total = value?.counts.reduce((sum, [, n]) => sum + n, 0) ?? 0;
  const max = Math.max(1, ...(value?.counts.map(([, n]) => n) ?? []));
  return (
    <section>
      <h1>{t("dashboard.title")}</h1>
      {loading && value === undefined && <Loading />}
      <ErrorMessage error={error} />
      {value !== undefined && (
        <>
          <div className="tiles">
            <div className="tile"><span className="tile-number">{f.number(total)}</span><span>{t("dashboard.cases")}</span></div>
            <Link className="tile" to="/matches">
              <span className="tile-number">{f.number(value.pending)}</span><span>{t("dashboard.reviews")}</span>
            </Link>
            <Link className="tile" to={`/cases?turning18Within=${SOON_DAYS}`}>
              <span className="tile-number">{f.number(value.turning18)}</span><span>{t("dashboard.turning18", { days: f.number(SOON_DAYS) })}</span>
            </Link>
            <Link className="tile" to="/cases?track=adult">
              <span className="tile-number">{f.number(value.adults)}</span><span>{t("dashboard.adultTrack")}</span>
            </Link>
          </div>
          <h2>{t("dashboard.byStatus")}</h2>
          <table className="bars">
            <caption className="visually-hidden">{t("dashboard.byStatus")}</caption>
            <thead><tr><th scope="col">{t("case.status")}</th><th scope="col">{t("dashboard.count")}</th><th scope="col"><span className="visually-hidden">{t("dashboard.share")}</span></th></tr></thead>
            <tbody>
              {value.counts.filter(([, n]) => n > 0).map(([status, n]) => (
                <tr key={status}>
                  <td><Link to={`/cases?status=${status}`}><StatusBadge status={status} /></Link></td>
                  <td className="num">{f.number(n)}</td>
                  <td className="bar-cell"><span className="bar" style={{ width: `${(100 * n) / max}%` }} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
