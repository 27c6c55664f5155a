// A verification report as a PDF a person can read in their own language: the findings, each
// signature with the log entry that carries it, and the hashes and short code that tie the
// paper to the signed file (`homeward report verify`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import type { ReportView } from "../store/reports/index.ts";

export const PDF_LANGUAGES = ["en", "uk", "ru"] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];

type Labels = Record<
  | "title" | "identity" | "postReturn" | "case" | "drafted" | "language" | "stage" | "signatures" | "role" | "entry"
  | "noSignatures" | "reportHash" | "code" | "howToVerify"
  | "identityEvidence" | "familyEvidence" | "viewsAndConsent" | "separation" | "healthOverviewRef" | "welfareCheck"
  | "tracing-verifier" | "holding-verifier" | "mediator" | "drafted-stage" | "signed" | "jointly-signed" | "confirmed",
  string
>;

const LABELS: Record<PdfLanguage, Labels> = {
  en: {
    title: "Verification report", identity: "Identity and circumstances (before return)", postReturn: "Post-return verification",
    case: "Case", drafted: "Drafted by", language: "Language of the document", stage: "Stage", signatures: "Signatures",
    role: "Role", entry: "Log entry", noSignatures: "Not signed yet.", reportHash: "Report hash (SHA-256, RFC 8785)",
    code: "Verification code", howToVerify: "To verify: homeward report verify REPORT.json (the signed file of this report).",
    identityEvidence: "Identity evidence", familyEvidence: "Family relation evidence", viewsAndConsent: "The child's views and consent",
    separation: "Separation circumstances", healthOverviewRef: "Health and services overview (reference)", welfareCheck: "Welfare check",
    "tracing-verifier": "Verifier of the tracing authority", "holding-verifier": "Verifier of the holding authority", mediator: "Mediator (confirmation)",
    "drafted-stage": "drafted", signed: "signed by one verifier", "jointly-signed": "signed by both verifiers", confirmed: "confirmed by the mediator",
  },
  uk: {
    title: "Звіт про верифікацію", identity: "Особа та обставини (до повернення)", postReturn: "Верифікація після повернення",
    case: "Справа", drafted: "Склав", language: "Мова документа", stage: "Стадія", signatures: "Підписи",
    role: "Роль", entry: "Запис журналу", noSignatures: "Ще не підписано.", reportHash: "Геш звіту (SHA-256, RFC 8785)",
    code: "Код перевірки", howToVerify: "Перевірка: homeward report verify REPORT.json (підписаний файл цього звіту).",
    identityEvidence: "Докази особи", familyEvidence: "Докази родинного зв'язку", viewsAndConsent: "Погляди та згода дитини",
    separation: "Обставини розлучення", healthOverviewRef: "Огляд здоров'я та послуг (посилання)", welfareCheck: "Перевірка добробуту",
    "tracing-verifier": "Верифікатор органу розшуку", "holding-verifier": "Верифікатор сторони, що утримує", mediator: "Посередник (підтвердження)",
    "drafted-stage": "складено", signed: "підписано одним верифікатором", "jointly-signed": "підписано обома верифікаторами", confirmed: "підтверджено посередником",
  },
  ru: {
    title: "Отчёт о верификации", identity: "Личность и обстоятельства (до возвращения)", postReturn: "Верификация после возвращения",
    case: "Дело", drafted: "Составил", language: "Язык документа", stage: "Стадия", signatures: "Подписи",
    role: "Роль", entry: "Запись журнала", noSignatures: "Ещё не подписано.", reportHash: "Хеш отчёта (SHA-256, RFC 8785)",
    code: "Код проверки", howToVerify: "Проверка: homeward report verify REPORT.json (подписанный файл этого отчёта).",
    identityEvidence: "Доказательства личности", familyEvidence: "Доказательства родственной связи", viewsAndConsent: "Мнение и согласие ребёнка",
    separation: "Обстоятельства разлучения", healthOverviewRef: "Обзор здоровья и услуг (ссылка)", welfareCheck: "Проверка благополучия",
    "tracing-verifier": "Верификатор органа розыска", "holding-verifier": "Верификатор удерживающей стороны", mediator: "Посредник (подтверждение)",
    "drafted-stage": "составлен", signed: "подписан одним верификатором", "jointly-signed": "подписан обоими верификаторами", confirmed: "подтверждён посредником",
  },
};

// Cyrillic needs a Unicode font; pdfkit's built-in fonts cover Latin only. DejaVu Sans ships
// with the package (dejavu-fonts-ttf), so a fresh machine renders Ukrainian and Russian too.
const FONT_CANDIDATES = [
  process.env["HOMEWARD_PDF_FONT"],
  bundledFont(),
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  "/Library/Fonts/Arial Unicode.ttf",
].filter((p): p is string => typeof p === "string" && p.length > 0);

function bundledFont(): string | undefined {
  try {
    return fileURLToPath(import.meta.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
  } catch {
    return undefined;
  }
}

export function unicodeFont(): string {
  const found = FONT_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error("no Unicode font found for PDF reports: install DejaVu Sans or set HOMEWARD_PDF_FONT to a .ttf file");
  return found;
}

export interface PdfSignature {
  role: string;
  party: string;
  user: string;
  at: string;
  entryIndex: number;
  entryHash: string;
}

export function renderReportPdf(report: ReportView, signatures: readonly PdfSignature[], language: PdfLanguage): Promise<Buffer> {
  const t = LABELS[language];
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: `${t.title} ${report.verificationCode}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font(unicodeFont());
  doc.fontSize(18).text(t.title);
  doc.fontSize(12).text(report.kind === "identity" ? t.identity : t.postReturn);
  doc.moveDown();
  doc.fontSize(10);
  doc.text(`${t.code}: `, { continued: true }).fontSize(14).text(report.verificationCode);
  doc.fontSize(10);
  doc.text(`${t.case}: ${report.case}`);
  doc.text(`${t.drafted}: ${report.document.drafted.party}, ${report.document.drafted.at}`);
  doc.text(`${t.language}: ${report.language}`);
  doc.text(`${t.stage}: ${t[report.stage === "drafted" ? "drafted-stage" : report.stage]}`);
  doc.moveDown();
  const content = report.document.content as Record<string, string | undefined>;
  for (const key of ["identityEvidence", "familyEvidence", "viewsAndConsent", "separation", "healthOverviewRef", "welfareCheck"] as const) {
    const value = content[key];
    if (!value) continue;
    doc.fontSize(11).text(t[key]);
    doc.fontSize(10).text(value, { indent: 12 });
    doc.moveDown(0.5);
  }
  doc.moveDown();
  doc.fontSize(12).text(t.signatures);
  doc.fontSize(9);
  if (signatures.length === 0) doc.text(t.noSignatures);
  for (const s of signatures) {
    const role = s.role in t ? t[s.role as keyof Labels] : s.role;
    doc.text(`${role}: ${s.party} / ${s.user}, ${s.at}`);
    doc.text(`${t.entry} #${s.entryIndex}: ${s.entryHash}`, { indent: 12 });
    doc.moveDown(0.3);
  }
  doc.moveDown();
  doc.fontSize(9).text(`${t.reportHash}: ${report.hash}`);
  doc.text(t.howToVerify);
  doc.end();
  return done;
}
