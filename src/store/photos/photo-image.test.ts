import { describe, expect, it } from "vitest";
import sharp from "sharp";
import exifr from "exifr";
import { plantedJpeg } from "./test-support/planted-jpeg.ts";
import { MAX_PHOTO_BYTES, PhotoError, THUMB_SIZE, checkPhotoType, processPhoto } from "./photo-image.ts";


describe("photo processing", () => {
  it("strips EXIF with the planted GPS position, applies the orientation and makes a thumbnail", async () => {
    const input = await plantedJpeg();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    // Mariupol, planted in the file as a camera would write it.
    const gps = await exifr.gps(input);
    expect(gps.latitude).toBeCloseTo(47.08, 2);
    expect(gps.longitude).toBeCloseTo(37.54, 2);
    expect(input.includes("PlantedCam")).toBe(true);
    const out = await processPhoto(input);
    for (const bytes of [out.image, out.thumb]) {
      const m = await sharp(bytes).metadata();
      expect(await exifr.gps(bytes)).toBeUndefined();
      expect(m.exif).toBeUndefined();
      expect(m.xmp).toBeUndefined();
      expect(m.iptc).toBeUndefined();
      expect(m.icc).toBeUndefined();
      expect(bytes.includes("PlantedCam")).toBe(false);
      expect(bytes.includes("GPS")).toBe(false);
    }
    // Orientation 6 (rotate 90°): the stored pixels are upright, width and height swapped.
    expect([out.width, out.height]).toEqual([480, 640]);
    const t = await sharp(out.thumb).metadata();
    expect(Math.max(t.width, t.height)).toBe(THUMB_SIZE);
    expect(out.contentType).toBe("image/jpeg");
  });

  it("keeps PNG as PNG, without its text chunks", async () => {
    const png = await sharp({ create: { width: 32, height: 32, channels: 4, background: "#336699" } })
      .png()
      .withMetadata({ exif: { IFD0: { Artist: "Planted" } } })
      .toBuffer();
    const out = await processPhoto(png);
    expect(out.contentType).toBe("image/png");
    expect(out.image.includes("Planted")).toBe(false);
  });

  it("refuses what is not an image, damaged images, unknown types and oversized files with the right status", async () => {
    const cases: [Uint8Array, number][] = [
      [new Uint8Array(0), 422],
      [new TextEncoder().encode("not an image at all"), 422],
      [(await plantedJpeg()).subarray(0, 600), 422],
      [new Uint8Array(MAX_PHOTO_BYTES + 1), 413],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 415],
    ];
    for (const [bytes, status] of cases) {
      const e = await processPhoto(bytes).then(() => null, (x: unknown) => x);
      expect(e, `${bytes.byteLength} bytes`).toBeInstanceOf(PhotoError);
      expect((e as PhotoError).status).toBe(status);
    }
    expect(() => checkPhotoType("text/plain")).toThrow(PhotoError);
    expect(() => checkPhotoType("image/jpeg; charset=binary")).not.toThrow();
  });
});
