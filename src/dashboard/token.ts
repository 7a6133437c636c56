/**
 * Where the dashboard keeps the read token: sessionStorage, so it lasts for this tab (reloads
 * included) and never reaches another tab, window or a later visit. Storage that throws (a
 * blocked or sandboxed page) only means asking again.
 */
const KEY = 'nps-widget:dashboard-token';

export function savedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function keepToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Kept in memory only: a reload asks again.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
