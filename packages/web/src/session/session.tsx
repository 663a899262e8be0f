import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Schemas } from '../api/client';
import { api, setToken } from '../api/client';
import { useI18n } from '../i18n/i18n';

export type Role = Schemas['Me']['role'];
const KEY = 'credence.token';

/**
 * A sign-in link's token (`/#token=…`, printed by `credence demo --serve`): kept for this tab, and taken out of
 * the address at once. The fragment never reaches the server.
 */
function tokenFromLink(): void {
  const m = /^#token=([\w-]+)$/.exec(location.hash);
  if (m?.[1] === undefined) return;
  sessionStorage.setItem(KEY, m[1]);
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/** The token kept by the browser: this tab only (sessionStorage), or remembered (localStorage). */
function keptToken(): string | undefined {
  tokenFromLink();
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY) ?? undefined;
}

interface Session {
  /** Who is signed in (undefined: nobody; null: checking the kept token). */
  readonly me: Schemas['Me'] | undefined | null;
  signIn(token: string, remember: boolean): Promise<boolean>;
  signOut(): void;
}

const Context = createContext<Session | undefined>(undefined);

/** Asks the API who a token stands for (GET /me): the role decides what is offered. */
async function whoIs(token: string): Promise<Schemas['Me'] | undefined> {
  setToken(token);
  const { data } = await api.GET('/me');
  if (data === undefined) setToken(undefined);
  return data;
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [me, setMeState] = useState<Session['me']>(() => (keptToken() === undefined ? undefined : null));
  const { setLang } = useI18n();
  // The language the user chose (remembered by the server, per user) follows the user to any browser.
  const setMe = useCallback(
    (who: Session['me']) => {
      if (who?.language !== undefined) setLang(who.language);
      setMeState(who);
    },
    [setLang],
  );
  useEffect(() => {
    const t = keptToken();
    if (t !== undefined) void whoIs(t).then(setMe);
  }, [setMe]);
  const signIn = useCallback(
    async (token: string, remember: boolean) => {
      const who = await whoIs(token);
      if (who === undefined) return false;
      (remember ? localStorage : sessionStorage).setItem(KEY, token);
      setMe(who);
      return true;
    },
    [setMe],
  );
  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(KEY);
    setToken(undefined);
    setMe(undefined);
  }, [setMe]);
  return <Context.Provider value={{ me, signIn, signOut }}>{children}</Context.Provider>;
}

export function useSession(): Session {
  const v = useContext(Context);
  if (v === undefined) throw new Error('useSession outside SessionProvider');
  return v;
}
