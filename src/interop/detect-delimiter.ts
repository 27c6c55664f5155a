export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts each candidate outside quotes on each of the first lines of `text`. */
function countsPerLine(text: string, maxLines: number): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, [0]]));
  let quoted = false;
  let lines = 1;
  for (let i = 0; i < text.length && lines <= maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\n") {
      lines++;
      for (const list of counts.values()) list.push(0);
    } else if (!quoted) {
      const list = counts.get(ch as Delimiter);
      if (list !== undefined) list[list.length - 1]! += 1;
    }
  }
  // The last line may be cut off by the end of the sample: leave it out unless it is the only one.
  if (lines > 1) for (const list of counts.values()) list.pop();
  return counts;
}

/**
 * The field delimiter of a delimited text file, from its first lines: the candidate found in
 * the header that splits the most following lines into as many fields as the header (Ukrainian
 * and Russian spreadsheet programs save with semicolons, since the comma is their decimal mark).
 */
export function detectDelimiter(sample: string): Delimiter {
  const counts = countsPerLine(sample, 50);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const perLine = counts.get(d)!;
    const header = perLine[0] ?? 0;
    if (header === 0) continue;
    const agreeing = perLine.slice(1).filter((c) => c === header).length;
    const score = agreeing * 1000 + header;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
