import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { MAX_PHOTO_BYTES, PhotoError, PHOTO_TYPES } from "../store/photos/index.ts";
import { CaseIdParamSchema } from "./schemas.ts";
import { BEARER } from "./auth-routes.ts";
import { IdempotencyHeaders } from "./case-routes.ts";
import { singleClientId } from "./one-or-many.ts";
import { ProblemError } from "./problem.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem } from "./http-helpers.ts";


// multipart/form-data is read by the handler, not declared: the OpenAPI validator would parse
// every upload as a form. Uploads may be larger than the API's 1 MiB body limit: app.ts lets this path through to its own.
export const PHOTO_UPLOAD_PATH = /^\/api\/cases\/[^/]+\/photos$/;
export const PHOTO_BODY_LIMIT = MAX_PHOTO_BYTES + 64 * 1024;

const Binary = z.string().openapi({ type: "string", format: "binary" });

const uploadRoute = createRoute({
  method: "post",
  path: "/api/cases/{id}/photos",
  operationId: "addPhoto",
  tags: ["channel"],
  summary: "Add a photograph of the child to a case (the case's owner)",
  description:
    `The body is the image itself (${PHOTO_TYPES.join(", ")}), or multipart/form-data with the file as \`photo\` and an optional \`caption\`. ` +
    "Every metadata field (EXIF with GPS, XMP, IPTC, ICC) is stripped before anything is stored; a thumbnail is made; both are encrypted " +
    `at rest. At most ${MAX_PHOTO_BYTES} bytes. Idempotent through the Idempotency-Key header.`,
  security: BEARER,
  request: {
    params: CaseIdParamSchema,
    headers: IdempotencyHeaders,
    body: {
      required: true,
      content: {
        "image/jpeg": { schema: Binary },
        "image/png": { schema: Binary },
        "image/heic": { schema: Binary },
      },
    },
  },
  responses: {
    201: { description: "Stored (or replayed)", content: { "application/json": { schema: z.object({ id: z.string() }).openapi("PhotoCreated") } } },
    401: problem("Not logged in"),
    403: problem("The caller may see the case but not add photos"),
    404: problem("No such case"),
    413: problem("The file is too large"),
    415: problem("Not an accepted image type"),
    422: problem("The file is damaged or not an image"),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/photos/{id}",
  operationId: "getPhoto",
  tags: ["channel"],
  summary: "A photograph (or its thumbnail), to parties entitled to the case; each view is in the access log",
  security: BEARER,
  request: {
    params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) }),
    query: z.object({ size: z.enum(["full", "thumb"]).optional() }),
  },
  responses: {
    200: { description: "The image, without any metadata", content: { "image/jpeg": { schema: Binary }, "image/png": { schema: Binary } } },
    401: problem("Not logged in"),
    404: problem("No such photo, or the caller may not see it"),
  },
});

async function readUpload(req: { header(name: string): string | undefined; arrayBuffer(): Promise<ArrayBuffer>; parseBody(): Promise<Record<string, unknown>> }) {
  const type = req.header("content-type") ?? "";
  if (type.toLowerCase().startsWith("multipart/form-data")) {
    const form = await req.parseBody();
    const file = form["photo"];
    if (!(file instanceof File)) throw new ProblemError(400, "a multipart upload carries the image as the field `photo`");
    const caption = typeof form["caption"] === "string" && form["caption"].trim() !== "" ? form["caption"].trim() : undefined;
    return { bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type, ...(caption ? { caption: caption.slice(0, 500) } : {}) };
  }
  return { bytes: new Uint8Array(await req.arrayBuffer()), contentType: type };
}

export function registerPhotoRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { store } = deps;
  app.openapi(uploadRoute, async (c) => {
    const file = await readUpload(c.req);
    const clientId = singleClientId(c.req.valid("header")["idempotency-key"], undefined);
    try {
      const result = await store.photos.add(c.get("ctx"), c.req.valid("param").id, file, { clientId });
      if (result.replayed) c.header("idempotent-replayed", "true");
      c.header("location", `/api/photos/${result.id}`);
      return c.json({ id: result.id }, 201);
    } catch (e) {
      if (e instanceof PhotoError) throw new ProblemError(e.status, e.message.replace(/^body: /, ""));
      throw e;
    }
  });

  app.openapi(getRoute, async (c) => {
    const photo = await store.photos.get(c.get("ctx"), c.req.valid("param").id, c.req.valid("query").size ?? "full");
    return c.body(new Uint8Array(photo.bytes), 200, { "content-type": photo.contentType }) as never;
  });
}
