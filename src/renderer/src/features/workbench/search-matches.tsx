/*
 * The "Matches" tab: where the current search words occur in the open capture (URL, headers, body
 * lines), highlighted with <mark>. Text only: captured content is never rendered as HTML.
 */
import { useMemo } from 'react';
import type { CaptureRecord } from '../../../../shared/capture';
import { matchRanges, queryTerms } from '../../../../shared/search/capture-search';
import { useAppStore } from '../../app-store';
import type { FeatureTab } from '../captures/capture-detail';

const MAX_BODY_LINES = 5_000;
const MAX_SHOWN = 200;

interface MatchLine {
  where: string;
  text: string;
}

export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }): React.JSX.Element {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

export function matchingLines(capture: CaptureRecord, terms: readonly string[]): MatchLine[] {
  const hit = (s: string): boolean => {
    const lower = s.toLowerCase();
    return terms.some((t) => lower.includes(t));
  };
  const out: MatchLine[] = [];
  const request = `${capture.method} ${capture.url}`;
  if (hit(request)) out.push({ where: 'Request', text: request });
  for (const [name, value] of capture.headers) {
    const line = `${name}: ${value}`;
    if (hit(line)) out.push({ where: 'Header', text: line });
  }
  if (capture.body.encoding === 'utf8') {
    const lines = capture.body.text.split('\n', MAX_BODY_LINES);
    lines.forEach((line, i) => {
      if (out.length < MAX_SHOWN && hit(line)) out.push({ where: `Body ${i + 1}`, text: line });
    });
  }
  return out.slice(0, MAX_SHOWN);
}

export function SearchMatches({ capture }: { capture: CaptureRecord }): React.JSX.Element {
  const text = useAppStore((s) => s.filters.text);
  const terms = useMemo(() => queryTerms(text), [text]);
  const lines = useMemo(() => matchingLines(capture, terms), [capture, terms]);
  if (terms.length === 0)
    return <p className="muted">Type in the search box to see where the words occur in this request.</p>;
  if (lines.length === 0) return <p className="muted">No line of this request contains “{text.trim()}”.</p>;
  return (
    <table className="kv-table wb-matches" aria-label="Search matches">
      <tbody>
        {lines.map((l, i) => (
          <tr key={i}>
            <td className="kv-name muted">{l.where}</td>
            <td className="kv-value">
              <Highlighted text={l.text} terms={terms} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const searchMatchesTab: FeatureTab = {
  key: 'matches',
  label: 'Matches',
  render: (capture) => <SearchMatches capture={capture} />,
};
