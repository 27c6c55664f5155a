import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unicodeFont } from "./report-pdf.ts";

describe("the font of PDF reports", () => {
  it("is the bundled DejaVu Sans (which covers Cyrillic), with no system font installed", () => {
    if (process.env["HOMEWARD_PDF_FONT"]) return; // an operator's choice overrides the bundled font
    const path = unicodeFont();
    expect(existsSync(path)).toBe(true);
    expect(path).toContain("dejavu-fonts-ttf");
    const font = readFileSync(path);
    expect(font.subarray(0, 4).toString("hex")).toBe("00010000"); // TrueType
    expect(font.includes(Buffer.from("DejaVu Sans", "utf16le").swap16())).toBe(true); // name table
  });
});
