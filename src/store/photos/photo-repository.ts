import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { NotFoundError } from "../../domain/index.ts";
import { checkClientId, isUuid } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { CasesApi, Database, PhotosApi } from "../types.ts";
import { checkPhotoType, processPhoto } from "./photo-image.ts";
import type { PhotosTable } from "./photo-schema.ts";

type PDb = Kysely<Database & { photos: PhotosTable }>;

const aad = (id: string, size: "full" | "thumb") => `homeward:photo:${id}:${size}`;

// The same client id names the same photo, so a retried upload finds the first one.
function photoIdFor(partyId: string, clientId: string): string {
  const h = createHash("sha256").update(`photo\0${partyId}\0${clientId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function createPhotoRepository(s: StoreInternals, cases: CasesApi): PhotosApi {
  const db = s.db as unknown as PDb;
  return {
    async add(ctx, caseId, file, opts) {
      const clientId = checkClientId(opts?.clientId);
      checkPhotoType(file.contentType);
      const photo = await processPhoto(file.bytes);
      const id = photoIdFor(ctx.partyId, clientId);
      const sha256 = createHash("sha256").update(photo.image).digest("hex");
      const action = { type: "add-photo" as const, photoId: id, sha256, ...(file.caption ? { caption: file.caption } : {}) };
      const result = await cases.appendAction(ctx, caseId, action, {
        clientId,
        alongside: async (tx) => {
          await (tx as unknown as PDb)
            .insertInto("photos")
            .values({
              id,
              case_id: caseId,
              party_id: ctx.partyId,
              sha256,
              content_type: photo.contentType,
              width: photo.width,
              height: photo.height,
              image: s.box.seal(photo.image.toString("base64"), aad(id, "full")),
              thumb: s.box.seal(photo.thumb.toString("base64"), aad(id, "thumb")),
              created_at: s.now(),
            })
            .execute();
        },
      });
      return { id, replayed: result.replayed };
    },

    async get(ctx, photoId, size) {
      if (!isUuid(photoId)) throw new NotFoundError("photo not found");
      const row = await db.selectFrom("photos").select(["case_id", "content_type", "image", "thumb"]).where("id", "=", photoId).executeTakeFirst();
      if (!row) throw new NotFoundError("photo not found");
      // The case read is the access log's record of this view.
      const view = await cases.get({ ...ctx, purpose: `photo-view:${size}` }, row.case_id);
      if (view === null || view.view === "auditor" || !(view.photos ?? []).some((p) => p.id === photoId)) throw new NotFoundError("photo not found");
      const sealed = size === "thumb" ? row.thumb : row.image;
      const bytes = Buffer.from(s.box.open(sealed, aad(photoId, size)), "base64");
      return { bytes, contentType: size === "thumb" ? "image/jpeg" : row.content_type };
    },
  };
}
