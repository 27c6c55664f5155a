import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, data, sessionToken, setSessionToken, whenUnauthorized, type Me } from "./api/client";
import { restoreUserLanguage } from "./i18n/i18n";

interface SessionValue {
  me: Me | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(sessionToken() !== null);

  const loadMe = useCallback(async () => {
    const who = await data(api.GET("/api/me"));
    restoreUserLanguage(who.id);
    setMe(who);
  }, []);

  useEffect(() => {
    whenUnauthorized(() => setMe(null));
    if (sessionToken() === null) return;
    loadMe().catch(() => setSessionToken(null)).finally(() => setLoading(false));
  }, [loadMe]);

  const value = useMemo<SessionValue>(() => ({
    me,
    loading,
    async signIn(username, password) {
      // The device token of this account's last sign-in here: others' failed guesses at this
      // account do not slow down a device it has signed in from.
      const deviceKey = `homeward.device.${username.trim().toLowerCase()}`;
      const deviceToken = localStorage.getItem(deviceKey) ?? undefined;
      const session = await data(api.POST("/api/session", { body: { username, password, ...(deviceToken ? { deviceToken } : {}) } }));
      localStorage.setItem(deviceKey, session.deviceToken);
      setSessionToken(session.token);
      await loadMe();
    },
    async signOut() {
      await api.DELETE("/api/session").catch(() => undefined);
      setSessionToken(null);
      setMe(null);
    },
  }), [me, loading, loadMe]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user; only for pages behind the sign-in gate. */
export function useMe(): Me {
  const { me } = useSession();
  if (me === null) throw new Error("useMe without a session");
  return me;
}
