// Reading and writing log files line by line, so a log of millions of entries never has to
// fit in memory as one string.
import { createReadStream, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
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

/**
 * Reads a file in pieces of about `size` bytes, each ending at a line break (the last may not),
 * so each piece's lines can be handled apart from the rest. Each piece owns its memory (it may
 * be handed to another thread).
 */
export async function* readLineChunks(path: string, size = 1 << 21): AsyncGenerator<Buffer> {
  const file = await open(path, "r");
  try {
    let carry = Buffer.alloc(0);
    for (;;) {
      const buffer = Buffer.allocUnsafeSlow(carry.length + size);
      carry.copy(buffer, 0);
      const { bytesRead } = await file.read(buffer, carry.length, size, null);
      const filled = carry.length + bytesRead;
      if (bytesRead === 0) {
        if (carry.length > 0) yield carry;
        return;
      }
      const nl = buffer.lastIndexOf(10, filled - 1);
      if (nl < 0) {
        carry = buffer.subarray(0, filled); // one line longer than `size`: read on
        continue;
      }
      carry = Buffer.from(buffer.subarray(nl + 1, filled));
      yield buffer.subarray(0, nl + 1);
    }
  } finally {
    await file.close();
  }
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
