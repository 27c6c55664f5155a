import { useTranslation } from "react-i18next";
import type { MatchCandidate } from "../api/client";

type Field = MatchCandidate["explanation"]["fields"][number];

function strength(weight: number): string {
  const a = Math.abs(weight);
  const size = a >= 10 ? "veryStrong" : a >= 5 ? "strong" : a >= 2 ? "some" : "weak";
  return `${weight >= 0 ? "for" : "against"}.${size}`;
}

/** Each field's part in the score: a bar right (for) or left (against), and a sentence saying what it means. */
export function ContributionBars({ fields }: { fields: Field[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...fields.map((f) => Math.abs(f.weight)));
  return (
    <ul className="contributions">
      {fields.map((f) => {
        const name = t(`matchField.${f.field}`, { defaultValue: f.label });
        const sentence = f.level === "missing" ? t("review.missing", { field: name }) : t(`review.${strength(f.weight)}`, { field: name });
        const width = `${(50 * Math.abs(f.weight)) / max}%`;
        return (
          <li key={f.field}>
            <div className="contribution-bar" aria-hidden="true">
              <span className={f.weight >= 0 ? "for" : "against"} style={f.weight >= 0 ? { left: "50%", width } : { right: "50%", width }} />
            </div>
            <p>{sentence}</p>
          </li>
        );
      })}
    </ul>
  );
}
