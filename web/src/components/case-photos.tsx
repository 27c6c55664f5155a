import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError, type CaseView } from "../api/client";
import { useFormat } from "../i18n/format";
import { ErrorMessage } from "./status";

type Photo = NonNullable<CaseView["photos"]>[number];

// Photos are served only with the session's token, so an <img> shows a blob fetched by the client.
function usePhotoUrl(id: string, size: "thumb" | "full"): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void api.GET("/api/photos/{id}", { params: { path: { id }, query: { size } }, parseAs: "blob" }).then((res) => {
      if (!live || !(res.data instanceof Blob)) return;
      made = URL.createObjectURL(res.data);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made !== null) URL.revokeObjectURL(made);
    };
  }, [id, size]);
  return url;
}

function Thumb({ photo, n }: { photo: Photo; n: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const thumb = usePhotoUrl(photo.id, "thumb");
  const [open, setOpen] = useState(false);
  const alt = photo.caption ?? t("photos.alt", { n });
  return (
    <li>
      <button type="button" className="photo-button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={t("photos.open", { name: alt })}>
        {thumb === null ? <span className="photo-placeholder">{t("common.loading")}</span> : <img src={thumb} alt={alt} data-testid="photo-thumb" />}
      </button>
      <span className="muted">{photo.caption ?? ""} {f.dateTime(photo.at)}</span>
      {open && <FullPhoto id={photo.id} alt={alt} />}
    </li>
  );
}

function FullPhoto({ id, alt }: { id: string; alt: string }) {
  const full = usePhotoUrl(id, "full");
  return full === null ? null : <img className="photo-full" src={full} alt={alt} />;
}

/** Sends one image as the request body; the id of the choice makes a retried upload the same one. */
async function upload(caseId: string, file: File, caption: string, clientId: string): Promise<void> {
  const form = new FormData();
  form.append("photo", file);
  if (caption.trim() !== "") form.append("caption", caption.trim());
  const res = await api.POST("/api/cases/{id}/photos", {
    params: { path: { id: caseId }, header: { "idempotency-key": clientId } },
    body: form as never,
    bodySerializer: (b: unknown) => b as FormData,
  });
  if (!res.response.ok) throw new ApiError(res.response.status, res.error as never);
}

/** The child's photographs; the party holding the case adds them (metadata is stripped on the server). */
export function CasePhotos({ c, canAdd, onAdded }: { c: CaseView; canAdd: boolean; onAdded: () => void }) {
  const { t } = useTranslation();
  const photos = c.photos ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState("");
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (file === null) return;
    setBusy(true);
    setError(null);
    try {
      await upload(c.id, file, caption, clientId);
      setFile(null);
      setCaption("");
      setClientId(crypto.randomUUID());
      (e.target as HTMLFormElement).reset();
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="photos-h">
      <h2 id="photos-h">{t("case.photos")}</h2>
      {photos.length === 0 ? <p className="muted">{t("case.noPhotos")}</p> : (
        <ul className="plain photos">{photos.map((p, i) => <Thumb key={p.id} photo={p} n={i + 1} />)}</ul>
      )}
      {canAdd && (
        <form onSubmit={(e) => void submit(e)} className="subform">
          <label htmlFor="photo-file">{t("photos.file")}</label>
          <input id="photo-file" type="file" accept="image/jpeg,image/png,image/heic" required aria-describedby="photo-hint"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setClientId(crypto.randomUUID()); }} />
          <p id="photo-hint" className="hint">{t("photos.hint")}</p>
          <label htmlFor="photo-caption">{t("photos.caption")}</label>
          <input id="photo-caption" value={caption} onChange={(e) => setCaption(e.target.value)} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || file === null}>{busy ? t("photos.uploading") : t("photos.add")}</button>
          </div>
          <ErrorMessage error={error} />
        </form>
      )}
    </section>
  );
}
