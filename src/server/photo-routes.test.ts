import { afterAll, beforeAll, describe, expect, it } from "vitest";
import exifr from "exifr";
import sharp from "sharp";
import { apiFixture, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";
import { plantedJpeg } from "../store/photos/test-support/planted-jpeg.ts";
import { testDoor } from "../store/test-support/test-door.ts";

let f: ApiFixture;
let t: Record<string, string>;
let caseId: string;
let jpeg: Buffer;
beforeAll(async () => {
  f = await apiFixture();
  t = {};
  for (const u of ["tracing", "tracing-verifier", "holding", "holding-verifier", "mediator", "auditor", "admin", "ngo"]) t[u] = await f.login(u);
  const res = await f.call(t.holding!, "POST", "/api/disclosures", { ...SMALLEST_CASE, biography: "b", to: "tracing-authority", mediator: "mediator" });
  caseId = ((await res.json()) as { id: string }).id;
  jpeg = await plantedJpeg();
});
afterAll(() => f.close());

const upload = (token: string, body: BodyInit, headers: Record<string, string>, id = caseId) =>
  Promise.resolve(f.app.request(`/api/cases/${id}/photos`, { method: "POST", headers: { authorization: `Bearer ${token}`, ...headers }, body }));

describe("photos over HTTP", () => {
  let photoId: string;

  it("stores a JPEG without any of its metadata (the planted GPS position is gone), idempotently", async () => {
    const res = await upload(t.holding!, new Uint8Array(jpeg), { "content-type": "image/jpeg", "idempotency-key": "p1" });
    expect(res.status, await res.clone().text()).toBe(201);
    photoId = ((await res.json()) as { id: string }).id;
    const again = await upload(t.holding!, new Uint8Array(jpeg), { "content-type": "image/jpeg", "idempotency-key": "p1" });
    expect(((await again.json()) as { id: string }).id).toBe(photoId);
    const got = await f.call(t.holding!, "GET", `/api/photos/${photoId}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(await exifr.gps(bytes)).toBeUndefined();
    expect(bytes.includes("PlantedCam")).toBe(false);
    // The orientation was applied to the pixels: 640x480 turned upright.
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 480, height: 640 });
    const thumb = await f.call(t.holding!, "GET", `/api/photos/${photoId}?size=thumb`);
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).height).toBe(256);
    const c = (await (await f.call(t.holding!, "GET", `/api/cases/${caseId}`)).json()) as { photos: { id: string; sha256: string }[] };
    expect(c.photos.map((p) => p.id)).toEqual([photoId]);
  });

  it("keeps the bytes at rest sealed: the stored image is not the image", async () => {
    const row = await testDoor(f.store).db.selectFrom("photos" as never).selectAll().where("id" as never, "=", photoId as never).executeTakeFirstOrThrow() as { image: Uint8Array; thumb: Uint8Array };
    const served = Buffer.from(await (await f.call(t.holding!, "GET", `/api/photos/${photoId}`)).arrayBuffer());
    for (const sealed of [Buffer.from(row.image), Buffer.from(row.thumb)]) {
      expect(sealed.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
      expect(sealed.includes(served.subarray(100, 164))).toBe(false);
      expect(sealed.includes(Buffer.from(served.toString("base64").slice(200, 264)))).toBe(false);
      await expect(sharp(sealed).metadata()).rejects.toThrow();
    }
  });

  it("serves a photo to the parties entitled to the case, each view in the access log, and to no one else", async () => {
    for (const u of ["holding", "holding-verifier", "tracing", "tracing-verifier", "mediator"]) {
      expect((await f.call(t[u]!, "GET", `/api/photos/${photoId}?size=thumb`)).status, u).toBe(200);
    }
    for (const u of ["auditor", "admin", "ngo"]) expect((await f.call(t[u]!, "GET", `/api/photos/${photoId}`)).status, u).toBe(404);
    expect((await f.call(null, "GET", `/api/photos/${photoId}`)).status).toBe(401);
    const log = (await (await f.call(t.admin!, "GET", `/api/access-log?caseId=${caseId}&limit=500`)).json()) as { items: { purpose: string | null; partyId: string }[] };
    const views = log.items.filter((e) => e.purpose?.startsWith("photo-view"));
    expect(views.map((v) => v.partyId)).toEqual(expect.arrayContaining(["tracing-authority"]));
  });

  it("lets only the owner's caseworkers and verifiers add photos: the other side 403, strangers 404", async () => {
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#336699" } }).png().toBuffer();
    expect((await upload(t["holding-verifier"]!, new Uint8Array(png), { "content-type": "image/png" })).status).toBe(201);
    for (const u of ["tracing", "mediator"]) expect((await upload(t[u]!, new Uint8Array(png), { "content-type": "image/png" })).status, u).toBe(403);
    for (const u of ["ngo", "admin"]) expect((await upload(t[u]!, new Uint8Array(png), { "content-type": "image/png" })).status, u).toBe(404);
  });

  it("takes multipart uploads, and answers bad files with a clear 4xx", async () => {
    const form = new FormData();
    form.set("photo", new File([new Uint8Array(jpeg)], "child.jpg", { type: "image/jpeg" }));
    form.set("caption", "School photo, 2021");
    const res = await upload(t.holding!, form, {});
    expect(res.status).toBe(201);
    expect((await upload(t.holding!, "not an image", { "content-type": "text/plain" })).status).toBe(415);
    expect((await upload(t.holding!, new Uint8Array(jpeg.subarray(0, 300)), { "content-type": "image/jpeg" })).status).toBe(422);
    expect((await upload(t.holding!, new Uint8Array(0), { "content-type": "image/jpeg" })).status).toBe(422);
    const big = await upload(t.holding!, new Uint8Array(16 * 1024 * 1024), { "content-type": "image/jpeg" });
    expect(big.status).toBe(413);
    expect((await big.json()) as { detail: string }).toMatchObject({ detail: expect.stringMatching(/at most/) });
  });
});
