import { readFile } from "node:fs/promises";
import { API_DOCUMENT_PATH, API_TYPES_PATH, renderApiFiles } from "./api-files.ts";

// Part of the type check: the web client's types must be those of the routes as they are now.
const { document, types } = await renderApiFiles();
const stale: string[] = [];
if ((await readFile(API_DOCUMENT_PATH, "utf8").catch(() => "")) !== document) stale.push(API_DOCUMENT_PATH);
if ((await readFile(API_TYPES_PATH, "utf8").catch(() => "")) !== types) stale.push(API_TYPES_PATH);
if (stale.length > 0) {
  process.stderr.write(`The API changed but the web client's types did not: ${stale.join(", ")}. Run \`npm run api:write\` and commit the result.\n`);
  process.exit(1);
}
process.stdout.write("web client types match the API\n");
