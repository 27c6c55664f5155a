import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";

/** One value of a series: a count, a published "<10" (drawn hatched up to 10), or nothing to draw. */
export type ChartValue = number | "<10" | null;

export interface ChartSeries {
  label: string;
  values: readonly ChartValue[];
  /** Index into the chart's palette (colours with at least 3:1 contrast on white). */
  colour: 0 | 1;
}

const PALETTE = ["#1f4e8c", "#1d6b3a"] as const;
const W = 720;
const H = 240;
const PAD = { left: 44, right: 8, top: 12, bottom: 40 };
const SMALL = 10;

function niceMax(max: number): number {
  if (max <= 10) return 10;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

const height = (v: ChartValue) => (v === null ? 0 : v === "<10" ? SMALL : v);

/**
 * Columns per category (months, say), one per series, in plain SVG. The same numbers follow in a
 * table a screen reader or a keyboard user can open; "<10" is drawn hatched and said as such.
 */
export function ColumnChart({ title, categories, series }: { title: string; categories: readonly string[]; series: readonly ChartSeries[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.map(height))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (slot * 0.8) / Math.max(1, series.length));
  const y = (v: number) => PAD.top + plotH - (plotH * v) / max;
  const every = Math.ceil(categories.length / 12);
  const say = (v: ChartValue) => (v === null ? "—" : v === "<10" ? t("chart.fewerThan10") : f.number(v));
  const hasSmall = series.some((s) => s.values.includes("<10"));
  return (
    <figure className="chart">
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <ul className="legend">
        {series.map((s) => <li key={s.label}><span className="swatch" style={{ background: PALETTE[s.colour] }} />{s.label}</li>)}
        {hasSmall && <li><span className="swatch hatched" />{t("chart.smallNote")}</li>}
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} preserveAspectRatio="xMidYMid meet">
        <defs>
          <pattern id={`${id}-h`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" /><line x1="0" y1="0" x2="0" y2="6" stroke="#56606b" strokeWidth="3" />
          </pattern>
        </defs>
        {[0, 0.5, 1].map((q) => (
          <g key={q}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * q)} y2={y(max * q)} stroke="#d8dde3" />
            <text x={PAD.left - 6} y={y(max * q) + 4} textAnchor="end" fontSize="12" fill="#56606b">{f.number(max * q)}</text>
          </g>
        ))}
        {categories.map((c, i) => (
          <g key={c}>
            {series.map((s, k) => {
              const v = s.values[i] ?? null;
              const h = height(v);
              if (h === 0) return null;
              return (
                <rect key={s.label} x={PAD.left + i * slot + slot * 0.1 + k * barW} y={y(h)} width={barW} height={plotH - (y(h) - PAD.top)}
                  fill={v === "<10" ? `url(#${id}-h)` : PALETTE[s.colour]} stroke={v === "<10" ? PALETTE[s.colour] : "none"}>
                  <title>{`${c} · ${s.label}: ${say(v)}`}</title>
                </rect>
              );
            })}
            {i % every === 0 && <text x={PAD.left + i * slot + slot / 2} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="12" fill="#56606b">{c}</text>}
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#56606b" />
      </svg>
      <details>
        <summary>{t("chart.asTable")}</summary>
        <table className="list compact">
          <caption className="visually-hidden">{title}</caption>
          <thead><tr><th scope="col">{t("chart.category")}</th>{series.map((s) => <th key={s.label} scope="col" className="num">{s.label}</th>)}</tr></thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c}><th scope="row">{c}</th>{series.map((s) => <td key={s.label} className="num">{say(s.values[i] ?? null)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
