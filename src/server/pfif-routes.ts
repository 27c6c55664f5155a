import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { PfifFormatError } from "../interop/pfif.ts";
import { exportPfif, importPfif } from "../interop/pfif-exchange.ts";
import { ProblemError } from "./problem.ts";
import { BEARER } from "./auth-routes.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem } from "./http-helpers.ts";

// A PFIF document is XML; large feeds are imported with the CLI, which streams its progress.
const MAX_BYTES = 20 * 1024 * 1024;

const ImportResultSchema = z
  .object({
    created: z.number().int(),
    existing: z.number().int(),
    notesAdded: z.number().int(),
    rejected: z.array(z.object({ record: z.string(), problems: z.array(z.string()) })),
  })
  .openapi("PfifImportResult");

const routes = {
  export: createRoute({
    method: "get", path: "/api/pfif", operationId: "exportPfif", tags: ["interchange"], security: BEARER,
    summary: "The cases the caller's party may see, as a PFIF 1.4 document",
    description: "Persons with their notes, as the party's view of each case allows; each read is logged.",
    request: { query: z.object({ domain: z.string().regex(/^[A-Za-z0-9.-]{1,100}$/).optional().openapi({ description: "Domain of the record ids (default PARTY.homeward.local)" }) }) },
    responses: { 200: { description: "PFIF 1.4 XML", content: { "application/xml": { schema: z.string() } } }, 400: problem("Invalid query"), 401: problem("Not logged in") },
  }),
  import: createRoute({
    method: "post", path: "/api/pfif", operationId: "importPfif", tags: ["interchange"], security: BEARER,
    summary: "Import a PFIF 1.4 document as the caller's party's cases and notes",
    description: "Idempotent by record id. Expired and invalid records are listed in `rejected` with every problem, not imported.",
    request: { body: { required: true, content: { "application/xml": { schema: z.string() } } } },
    responses: {
      200: { description: "What was imported and what was rejected", content: { "application/json": { schema: ImportResultSchema } } },
      400: problem("Not a PFIF 1.4 document"), 401: problem("Not logged in"), 403: problem("The caller may not create cases"), 413: problem("Too large"),
    },
  }),
};

export function registerPfifRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(routes.export, async (c) => {
    const ctx = c.get("ctx");
    const out = await exportPfif(deps.store, ctx, { domain: c.req.valid("query").domain ?? `${ctx.partyId}.homeward.local`, now: deps.now() });
    return c.body(out.xml, 200, { "content-type": "application/xml; charset=utf-8" });
  });
  app.openapi(routes.import, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > MAX_BYTES) throw new ProblemError(413, `a PFIF document over HTTP may hold up to ${MAX_BYTES} bytes; import larger ones with the CLI`);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new ProblemError(400, "the document is not valid UTF-8 text");
    }
    try {
      const r = await importPfif(deps.store, c.get("ctx"), text, deps.now());
      return c.json({ ...r, rejected: r.rejected.map((x) => ({ record: x.record, problems: [...x.problems] })) }, 200);
    } catch (e) {
      if (e instanceof PfifFormatError) throw new ProblemError(400, e.message);
      throw e;
    }
  });
}
