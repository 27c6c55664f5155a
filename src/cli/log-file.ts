// Reading and writing log files line by line, so a log of millions of entries never has to
// fit in memory as one string.
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";

export async function* readLines(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  let rest = "";
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    let nl = text.indexOf("\n", start);
    while (nl >= 0) {
      yield text.slice(start, nl);
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) yield rest;
}

export async function writeLines(path: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const out = createWriteStream(path, { encoding: "utf8" });
  let count = 0;
  let buffer = "";
  for await (const line of lines) {
    buffer += line + "\n";
    count++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
  return count;
}
