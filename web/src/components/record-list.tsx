import { useTranslation } from "react-i18next";


function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join("; ");
  return String(value);
}

/** A section of free-form records (family members, separation, consent) shown as label–value pairs. */
export function RecordList(props: { title: string; items: Record<string, unknown>[] | undefined; empty: string; note?: string; text?: { label: string; value: string } }) {
  const { t } = useTranslation();
  const id = `rec-${props.title.replace(/\W+/g, "-")}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.note !== undefined && <p className="hint">{props.note}</p>}
      {props.items === undefined || props.items.length === 0 ? <p className="muted">{props.empty}</p> : props.items.map((item, i) => (
        <dl className="facts" key={i}>
          {Object.entries(item).map(([k, v]) => [<dt key={`${k}-t`}>{t(`field.${k}`, { defaultValue: k })}</dt>, <dd key={`${k}-d`}>{show(v)}</dd>])}
        </dl>
      ))}
      {props.text !== undefined && <><h3>{props.text.label}</h3><p>{props.text.value}</p></>}
    </section>
  );
}
