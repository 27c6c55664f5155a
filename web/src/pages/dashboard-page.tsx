import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { api, data } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { ErrorMessage, Loading, StatusBadge } from "../components/status";
import { ColumnChart } from "../components/column-chart";

// Children whose 18th birthday falls within this many days: their consent passes to them.
const SOON_DAYS = 90;

// One read: the server counts by state, reviews, checks and months over what the party may see.
const loadDashboard = () => data(api.GET("/api/dashboard", { params: { query: { turning18Within: SOON_DAYS, months: 12 } } }));

function Tile({ n, label, to, alert = false }: { n: number; label: string; to?: string; alert?: boolean }) {
  const f = useFormat();
  const body = <><span className="tile-number">{f.number(n)}</span><span>{label}</span></>;
  const cls = `tile${alert && n > 0 ? " alert" : ""}`;
  return to === undefined ? <div className={cls}>{body}</div> : <Link className={cls} to={to}>{body}</Link>;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { value, error, loading } = useLoad(loadDashboard, []);
  const max = Math.max(1, ...(value?.byStatus.map((g) => g.count) ?? []));
  return (
    <section>
      <h1>{t("dashboard.title")}</h1>
      {loading && value === undefined && <Loading />}
      <ErrorMessage error={error} />
      {value !== undefined && (
        <>
          <div className="tiles" data-testid="dashboard-tiles">
            <Tile n={value.total} label={t("dashboard.cases")} to="/cases" />
            <Tile n={value.reviewsWaiting} label={t("dashboard.reviews")} to="/matches" />
            <Tile n={value.overduePostReturnChecks} label={t("dashboard.overdueChecks")} to="/batches" alert />
            <Tile n={value.turning18.count} label={t("dashboard.turning18", { days: f.number(value.turning18.withinDays) })} to={`/cases?turning18Within=${SOON_DAYS}`} />
            <Tile n={value.adultTrack} label={t("dashboard.adultTrack")} to="/cases?track=adult" />
          </div>
          <ColumnChart
            title={t("dashboard.overTime")}
            categories={value.months.map((m) => f.month(m.month))}
            series={[
              { label: t("dashboard.registered"), values: value.months.map((m) => m.registered), colour: 0 },
              { label: t("dashboard.returned"), values: value.months.map((m) => m.returned), colour: 1 },
            ]}
          />
          <h2>{t("dashboard.byStatus")}</h2>
          {value.byStatus.length === 0 ? <p className="muted">{t("dashboard.noCases")}</p> : (
            <table className="bars">
              <caption className="visually-hidden">{t("dashboard.byStatus")}</caption>
              <thead><tr><th scope="col">{t("case.status")}</th><th scope="col">{t("dashboard.count")}</th><th scope="col"><span className="visually-hidden">{t("dashboard.share")}</span></th></tr></thead>
              <tbody>
                {value.byStatus.map(({ status, count }) => (
                  <tr key={status}>
                    <td><Link to={`/cases?status=${status}`}><StatusBadge status={status} /></Link></td>
                    <td className="num">{f.number(count)}</td>
                    <td className="bar-cell"><span className="bar" style={{ width: `${(100 * count) / max}%` }} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
