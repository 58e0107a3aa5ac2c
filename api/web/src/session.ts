// The signed-in key (sessionStorage: gone when the tab closes), the colleague the user is,
// and the accounts opened lately.
export const KEY_STORAGE = "relgraph.apiKey";
const RECENT_STORAGE = "relgraph.recent";
const ME_STORAGE = "relgraph.me";
const RECENT_MAX = 8;

export interface Recent {
  id: string;
  name: string;
  kind: "company" | "person";
}

export interface Me {
  id: string;
  name: string;
}

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function signIn(key: string): void {
  sessionStorage.setItem(KEY_STORAGE, key.trim());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY_STORAGE);
}

function readJson<T>(name: string, fallback: T): T {
  try {
    const raw = sessionStorage.getItem(name);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function recent(): Recent[] {
  return readJson<Recent[]>(RECENT_STORAGE, []);
}

export function remember(item: Recent): void {
  const rest = recent().filter((r) => r.id !== item.id);
  sessionStorage.setItem(RECENT_STORAGE, JSON.stringify([item, ...rest].slice(0, RECENT_MAX)));
}

export function me(): Me | null {
  return readJson<Me | null>(ME_STORAGE, null);
}

export function setMe(value: Me | null): void {
  if (value === null) sessionStorage.removeItem(ME_STORAGE);
  else sessionStorage.setItem(ME_STORAGE, JSON.stringify(value));
}
