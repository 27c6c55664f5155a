import { writeFile } from "node:fs/promises";
import { API_DOCUMENT_PATH, API_TYPES_PATH, renderApiFiles } from "./api-files.ts";

// Writes the OpenAPI document (read from the app object, no port) and the web client's types.
const { document, types } = await renderApiFiles();
await writeFile(API_DOCUMENT_PATH, document);
await writeFile(API_TYPES_PATH, types);
process.stdout.write(`wrote ${API_DOCUMENT_PATH} and ${API_TYPES_PATH}\n`);
