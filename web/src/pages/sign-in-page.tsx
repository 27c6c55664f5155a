import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { useSession } from "../session";

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : -1;
      setError(status === 401 ? "signIn.wrong" : status === 429 ? "error.tooMany" : status === 0 ? "error.offline" : "error.generic");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow card">
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.lead")}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="username">{t("signIn.username")}</label>
        <input id="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="password">{t("signIn.password")}</label>
        <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error !== null && <p className="error" role="alert">{t(error)}</p>}
        <button type="submit" className="primary" disabled={busy}>{t("signIn.submit")}</button>
      </form>
    </section>
  );
}
