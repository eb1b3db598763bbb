import { useEffect, useSyncExternalStore } from 'react';
import type { ThemeChoice } from '../../../../shared/settings';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** `system` leaves the attribute off, so styles.css follows the OS (color-scheme: light dark). */
export function applyTheme(theme: ThemeChoice): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

function subscribeOsTheme(onChange: () => void): () => void {
  const mq = window.matchMedia(DARK_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function useOsPrefersDark(): boolean {
  return useSyncExternalStore(subscribeOsTheme, () => window.matchMedia(DARK_QUERY).matches);
}

export function effectiveTheme(theme: ThemeChoice, osDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (osDark ? 'dark' : 'light') : theme;
}

export function useApplyTheme(theme: ThemeChoice | undefined): void {
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
}
