import sharp, { type Metadata } from "sharp";
import { ValidationError } from "../../domain/index.ts";

// A child's photograph as it is stored: decoded and encoded again, so that nothing of the file
// as it came survives but the pixels. EXIF (with GPS), XMP, IPTC, ICC profiles and comments are
// all dropped; the orientation the camera recorded is applied to the pixels first.

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
// About a 48-megapixel camera's image; larger ones are refused before decoding.
export const MAX_PHOTO_PIXELS = 50_000_000;
export const THUMB_SIZE = 256;

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/heic", "image/heif", "image/avif", "image/webp"] as const;

export class PhotoError extends ValidationError {
  readonly status: 413 | 415 | 422;
  constructor(status: 413 | 415 | 422, message: string) {
    super("body", message);
    this.status = status;
  }
}

export interface ProcessedPhoto {
  image: Buffer;
  thumb: Buffer;
  contentType: "image/jpeg" | "image/png";
  width: number;
  height: number;
}

const FORMATS: Record<string, "jpeg" | "png" | undefined> = { jpeg: "jpeg", png: "png", heif: "jpeg", webp: "jpeg" };

export function checkPhotoType(contentType: string | undefined): void {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!(PHOTO_TYPES as readonly string[]).includes(type)) {
    throw new PhotoError(415, `a photo is sent as ${PHOTO_TYPES.join(", ")} (got ${type === "" ? "no type" : type})`);
  }
}

export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
  if (bytes.byteLength === 0) throw new PhotoError(422, "the photo is empty");
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new PhotoError(413, `a photo is at most ${MAX_PHOTO_BYTES} bytes`);
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS }).metadata();
  } catch {
    throw new PhotoError(422, "the file is not an image this server can read");
  }
  const format = meta.format === undefined ? undefined : FORMATS[meta.format];
  if (format === undefined) throw new PhotoError(415, `images of format ${meta.format ?? "unknown"} are not accepted`);
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PHOTO_PIXELS) throw new PhotoError(413, `a photo has at most ${MAX_PHOTO_PIXELS} pixels`);
  try {
    // failOn "error": a truncated or corrupt file is refused rather than stored half grey.
    const base = sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error" }).rotate();
    const encoded = format === "png" ? base.png() : base.jpeg({ quality: 88, mozjpeg: true });
    const { data: image, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumb = await sharp(image).resize(THUMB_SIZE, THUMB_SIZE, { fit: "inside", withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
    return { image, thumb, contentType: format === "png" ? "image/png" : "image/jpeg", width: info.width, height: info.height };
  } catch {
    throw new PhotoError(422, "the image could not be decoded (damaged or unsupported)");
  }
}
