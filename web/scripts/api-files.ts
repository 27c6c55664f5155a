import { openApiDocument } from "./openapi-document.ts";
import openapiTS, { astToString } from "openapi-typescript";

export const API_DOCUMENT_PATH = "web/src/api/openapi.json";
export const API_TYPES_PATH = "web/src/api/api-schema.d.ts";

const HEADER = "// Generated from the server's OpenAPI document by `npm run api:write`. Do not edit.\n";

/** The OpenAPI document and the client's types as the server's routes define them today. */
export async function renderApiFiles(): Promise<{ document: string; types: string }> {
  const doc = await openApiDocument();
  const types = HEADER + astToString(await openapiTS(doc as never));
  return { document: JSON.stringify(doc, null, 2) + "\n", types };
}
