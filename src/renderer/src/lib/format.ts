export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// One formatter for every row: toLocaleTimeString with options builds a new one per call, which
// took a sixth of the renderer's time while scrolling the list.
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatTime(iso: string): string {
  const d = new Date(iso);
  // format() throws on an invalid date where toLocaleTimeString said so.
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : TIME_FORMAT.format(d);
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

export function relativeTime(iso: string, now = Date.now()): string {
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return `${Math.round(h / 24)} d ago`;
}

/** Counts with thousands separators ("2,017"), the same in every locale so texts stay testable. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
