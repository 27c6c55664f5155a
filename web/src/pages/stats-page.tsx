import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { api, data, type Schemas } from "../api/client";
import { useFormat } from "../i18n/format";
import { useLoad } from "../use-load";
import { ErrorMessage, Loading } from "../components/status";
import { ColumnChart, type ChartValue } from "../components/column-chart";

type Stats = Schemas["PublicStats"];
type Table = Stats["tables"][number];
type Value = Table["cells"][number]["value"];

const MONTH_TABLE = "cases-by-registration-month";
const RETURNS_TABLE = "returns-by-month-and-direction";
const DIRECTIONS = ["to-tracing-side", "to-holding-side"] as const;

// Each table's labels in the reader's language; months are formatted, the rest translated.
function labelOf(t: TFunction, tableId: string, label: string): string {
  if (label === "unknown") return t("stats.unknown");
  switch (tableId) {
    case "cases-by-status": return t(`status.${label}`, { defaultValue: label });
    case "cases-by-separation": return t(`separation.${label}`, { defaultValue: label });
    case "cases-by-oblast": return t(`oblast.${label}`, { defaultValue: label });
    case "cases-by-age-band": return t(`stats.ageBand.${label}`, { defaultValue: label });
    default: return label;
  }
}

const chartValue = (v: Value | undefined): ChartValue => (v === undefined || v === "withheld" ? null : v);

function ValueText({ v }: { v: Value }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (v === "<10") return <abbr title={t("chart.fewerThan10")}>&lt;10</abbr>;
  if (v === "withheld") return <span className="muted">{t("stats.withheldCell")}</span>;
  return <>{f.number(v)}</>;
}

/** A table of counts with a bar for each; "<10" is a hatched bar, a withheld cell has none. */
function CountTable({ table }: { table: Table }) {
  const { t } = useTranslation();
  const max = Math.max(10, ...table.cells.map((c) => (typeof c.value === "number" ? c.value : 0)));
  const width = (v: Value) => (v === "withheld" ? 0 : (100 * (v === "<10" ? 9 : v)) / max);
  return (
    <section className="card" aria-labelledby={`t-${table.id}`}>
      <h2 id={`t-${table.id}`}>{t(`stats.table.${table.id}`, { defaultValue: table.title })}</h2>
      {table.withheld ? <p className="muted">{t("stats.withheldTable")}</p> : (
        <table className="bars" data-testid={`stats-${table.id}`}>
          <caption className="visually-hidden">{t(`stats.table.${table.id}`, { defaultValue: table.title })}</caption>
          <thead><tr><th scope="col">{t("stats.category")}</th><th scope="col" className="num">{t("stats.count")}</th><th scope="col"><span className="visually-hidden">{t("dashboard.share")}</span></th></tr></thead>
          <tbody>
            {table.cells.filter((c) => c.value !== 0).map((c) => (
              <tr key={c.label}>
                <th scope="row">{labelOf(t, table.id, c.label)}</th>
                <td className="num"><ValueText v={c.value} /></td>
                <td className="bar-cell"><span className={`bar${c.value === "<10" ? " small" : ""}`} style={{ width: `${width(c.value)}%` }} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function MonthCharts({ stats }: { stats: Stats }) {
  const { t } = useTranslation();
  const f = useFormat();
  const registered = stats.tables.find((x) => x.id === MONTH_TABLE);
  const returns = stats.tables.find((x) => x.id === RETURNS_TABLE);
  const months = (registered?.cells ?? []).map((c) => c.label).filter((m) => /^\d{4}-\d{2}$/.test(m));
  const returned = new Map((returns?.cells ?? []).map((c) => [c.label, c.value]));
  return (
    <>
      {registered !== undefined && !registered.withheld && (
        <ColumnChart title={t(`stats.table.${MONTH_TABLE}`)} categories={months.map((m) => f.month(m))}
          series={[{ label: t("dashboard.registered"), values: registered.cells.filter((c) => months.includes(c.label)).map((c) => chartValue(c.value)), colour: 0 }]} />
      )}
      {returns !== undefined && !returns.withheld && (
        <ColumnChart title={t(`stats.table.${RETURNS_TABLE}`)} categories={months.map((m) => f.month(m))}
          series={DIRECTIONS.map((d, i) => ({ label: t(`stats.direction.${d}`), values: months.map((m) => chartValue(returned.get(`${m}/${d}`))), colour: i as 0 | 1 }))} />
      )}
    </>
  );
}

/** The public statistics: no sign-in, no child; every count from 1 to 9 reads "<10". */
export function StatsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { value, error, loading } = useLoad(() => data(api.GET("/api/stats")), []);
  return (
    <section>
      <h1>{t("stats.title")}</h1>
      <p className="lead">{t("stats.lead")}</p>
      {loading && value === undefined && <Loading />}
      <ErrorMessage error={error} />
      {value !== undefined && (
        <>
          <div className="tiles" data-testid="stats-totals">
            <div className="tile"><span className="tile-number"><ValueText v={value.totals.cases} /></span><span>{t("stats.cases")}</span></div>
            <div className="tile"><span className="tile-number"><ValueText v={value.totals.returns} /></span><span>{t("stats.returns")}</span></div>
            <div className="tile"><span className="tile-number">{value.medianDaysToReturn === null ? "—" : f.number(value.medianDaysToReturn)}</span><span>{t("stats.median")}</span></div>
          </div>
          <p>
            <a className="button" href="/api/stats.csv" download="homeward-stats.csv" data-testid="stats-csv">{t("stats.csv")}</a>{" "}
            <span className="muted">{t("stats.generated", { when: f.dateTime(value.generatedAt) })}</span>
          </p>
          <MonthCharts stats={value} />
          <div className="grid">
            {/* The month tables are charts above; withheld, they say so here like the others. */}
            {value.tables.filter((x) => x.withheld || (x.id !== MONTH_TABLE && x.id !== RETURNS_TABLE)).map((x) => <CountTable key={x.id} table={x} />)}
          </div>
        </>
      )}
    </section>
  );
}
