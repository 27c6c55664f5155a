import { useCallback, useEffect, useState } from "react";

interface Draft<T> {
  value: T;
  clientId: string;
}

function load<T>(key: string, initial: T): Draft<T> {
  try {
    const raw = localStorage.getItem(key);
    if (raw !== null) return JSON.parse(raw) as Draft<T>;
  } catch {
    // An unreadable draft is dropped rather than blocking the form.
  }
  return { value: initial, clientId: crypto.randomUUID() };
}

/**
 * A form's draft kept in this browser across reloads and failed submits, with the action id it
 * will be submitted under: a repeat after a lost connection is the same action, never a second one.
 */
export function useDraft<T>(key: string, initial: T) {
  const storageKey = `homeward.draft.${key}`;
  const [draft, setDraft] = useState<Draft<T>>(() => load(storageKey, initial));
  useEffect(() => {
    localStorage.setItem(storageKey, JSON.stringify(draft));
  }, [storageKey, draft]);
  const update = useCallback((value: T | ((old: T) => T)) => {
    setDraft((d) => ({ ...d, value: typeof value === "function" ? (value as (old: T) => T)(d.value) : value }));
  }, []);
  const clear = useCallback(() => {
    localStorage.removeItem(storageKey);
    setDraft({ value: initial, clientId: crypto.randomUUID() });
  }, [storageKey]);
  return { value: draft.value, clientId: draft.clientId, update, clear };
}
