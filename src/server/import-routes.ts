// Spreadsheet uploads over HTTP, the same readers and rules as `homeward import`: a bad row is
// rejected on its own line with the reason and the rest imported; record_id names a row, so
// sending the same rows again adds nothing. A browser sends a large file in parts and shows
// progress between them; each part is at most the API's body limit.
import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ForbiddenError, HomewardError, ValidationError } from "../domain/index.ts";
import type { DisclosureInput, TracingRequestInput } from "../domain/index.ts";
import { CaseCsvHeaderError, importClientId } from "../interop/case-csv.ts";
import { parseChannelCsv, type AcceptedChannelRow, type ChannelCsvKind } from "../interop/channel-csv.ts";
import { parseCaseCsv } from "../interop/parse-case-csv.ts";
import { checkCaseRows } from "../interop/check-case-rows.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { BEARER } from "./auth-routes.ts";
import { ProblemError } from "./problem.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { json, problem } from "./http-helpers.ts";

const KINDS = ["cases", "disclosures", "tracing-requests"] as const;
type Kind = (typeof KINDS)[number];
interface Rejected { line: number; reason: string }
interface Row { line: number; recordId: string; input: unknown }

const ImportResultSchema = z
  .object({
    created: z.number().int(),
    existing: z.number().int().openapi({ description: "Rows whose record_id was imported before (nothing changed)" }),
    rejected: z.array(z.object({ line: z.number().int().openapi({ description: "The row's line in the file sent (the header is line 1)" }), reason: z.string() })),
  })
  .openapi("CsvImportResult");

const route = createRoute({
  method: "post", path: "/api/imports/{kind}", operationId: "importCsv", tags: ["channel"], security: BEARER,
  summary: "Import cases, disclosures or tracing requests from CSV (the columns of docs/import-cases.md and docs/import-channel.md)",
  description: "Each valid row becomes a case of the caller's party; each invalid row is answered with its line and the reason, the rest imported. Idempotent per record_id.",
  request: {
    params: z.object({ kind: z.enum(KINDS).openapi({ param: { name: "kind", in: "path" } }) }),
    body: { required: true, content: { "text/csv": { schema: z.string() } } },
  },
  responses: {
    200: json("Imported, with the rejected rows", ImportResultSchema),
    400: problem("Not a CSV this import reads (the header is named)"),
    401: problem("Not logged in"),
    403: problem("The caller's role may not import"),
  },
});

const asChannelInput = (row: AcceptedChannelRow) =>
  ({ ...row.input, ...(row.disclosure ?? {}), ...(row.to ? { to: row.to } : {}), ...(row.mediator ? { mediator: row.mediator } : {}) });

function reasonOf(e: unknown): string | null {
  if (e instanceof ValidationError) return e.issues.length > 0 ? e.issues.map((i) => `${i.path}: ${i.message}`).join("; ") : e.message;
  if (e instanceof HomewardError && !(e instanceof ForbiddenError)) return e.message;
  return null;
}

// One transaction for the rows; when the store refuses it on a rule only it can check, each
// row is tried on its own so that the refused one is named and the others still go in.
async function write(kind: Kind, store: Store, ctx: RequestContext, rows: readonly Row[]): Promise<{ created: number; existing: number; rejected: Rejected[] }> {
  const put = (part: readonly Row[]) => {
    const items = part.map((r) => ({ clientId: importClientId(`${kind === "cases" ? "" : `${kind === "disclosures" ? "disclosure" : "tracing-request"}:`}${r.recordId}`), input: r.input }));
    if (kind === "cases") return store.cases.importBatch(ctx, items as never);
    if (kind === "disclosures") return store.disclosures.createMany(ctx, items as { clientId: string; input: DisclosureInput }[]);
    return store.tracingRequests.createMany(ctx, items as { clientId: string; input: TracingRequestInput }[]);
  };
  if (rows.length === 0) return { created: 0, existing: 0, rejected: [] };
  try {
    const r = await put(rows);
    return { created: r.created, existing: r.existing, rejected: [] };
  } catch (e) {
    if (reasonOf(e) === null || rows.length === 1) {
      const reason = reasonOf(e);
      if (reason === null) throw e;
      return { created: 0, existing: 0, rejected: [{ line: rows[0]!.line, reason }] };
    }
  }
  const out = { created: 0, existing: 0, rejected: [] as Rejected[] };
  for (const row of rows) {
    const r = await write(kind, store, ctx, [row]);
    out.created += r.created;
    out.existing += r.existing;
    out.rejected.push(...r.rejected);
  }
  return out;
}

function read(kind: Kind, text: string, ctx: RequestContext & { partyKind: string }, now: Date): { rows: Row[]; rejected: Rejected[] } {
  if (kind === "cases") {
    const parsed = parseCaseCsv(text);
    const actor = { userId: ctx.userId, partyId: ctx.partyId, partyKind: ctx.partyKind as never, role: ctx.role as never };
    const checked = checkCaseRows({ accepted: [...parsed.accepted], rejected: [...parsed.rejected] }, actor, now);
    return { rows: checked.accepted.map((r) => ({ line: r.line, recordId: r.recordId, input: r.input })), rejected: checked.rejected.map((r) => ({ line: r.line, reason: r.reason })) };
  }
  const parsed = parseChannelCsv(text, (kind === "disclosures" ? "disclosure" : "tracing-request") satisfies ChannelCsvKind);
  return { rows: parsed.accepted.map((r) => ({ line: r.line, recordId: r.recordId, input: asChannelInput(r) })), rejected: parsed.rejected.map((r) => ({ line: r.line, reason: r.reason })) };
}

export function registerImportRoutes(app: OpenAPIHono<AppEnv>, { store, now }: AppDeps): void {
  app.openapi(route, async (c) => {
    const kind = c.req.valid("param").kind;
    const ctx = c.get("ctx");
    const party = await store.parties.get(ctx.partyId);
    let parsed;
    try {
      parsed = read(kind, await c.req.text(), { ...ctx, partyKind: party?.kind ?? "ngo" }, now());
    } catch (e) {
      if (e instanceof CaseCsvHeaderError || (e instanceof Error && /header|empty|CSV|quote|delimiter/i.test(e.message))) throw new ProblemError(400, e.message);
      throw e;
    }
    const written = await write(kind, store, { ...ctx, purpose: "import" }, parsed.rows);
    const rejected = [...parsed.rejected, ...written.rejected].sort((a, b) => a.line - b.line);
    return c.json({ created: written.created, existing: written.existing, rejected }, 200);
  });
}
