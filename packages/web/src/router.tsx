// A small router over the History API: the paths are the app's own (index.html is served for each of them).
import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';

const EVENT = 'credence:navigate';

export function navigate(href: string): void {
  history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENT));
}

export interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
}

const current = (): Location => ({ path: location.pathname, query: new URLSearchParams(location.search) });

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const on = () => setLoc(current());
    window.addEventListener('popstate', on);
    window.addEventListener(EVENT, on);
    return () => {
      window.removeEventListener('popstate', on);
      window.removeEventListener(EVENT, on);
    };
  }, []);
  return loc;
}

/** A link that moves within the app without reloading it (a new tab with Ctrl or ⌘ as usual). */
export function Link({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={click} className={className}>
      {children}
    </a>
  );
}

/** `path?k=v` with the non-empty values only. */
export function href(path: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? path : `${path}?${s}`;
}
