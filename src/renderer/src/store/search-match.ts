/*
 * Deciding from a capture's summary alone whether it matches the active search, so a new capture
 * does not cost a search round trip when its summary settles the question. Method, status and
 * time are in the summary; the text is searched in method, URL, headers and body, so the summary
 * can only prove a text match (every word in the method or URL), never rule one out. The provider
 * is detected from headers, which the summary does not carry.
 */
import type { CaptureQuery } from '../../../shared/api/search';
import type { CaptureSummary } from '../../../shared/capture';
import { compileQuery, haystackOf, queryTerms } from '../../../shared/search/capture-search';

/** True or false when the summary settles it; null when only the core can tell. */
export function matchFromSummary(query: CaptureQuery, summary: CaptureSummary, now = Date.now()): boolean | null {
  const urlHaystack = haystackOf({
    method: summary.method,
    url: summary.url,
    headers: [],
    body: { size: 0, encoding: 'base64', text: '' },
  });
  const entry = {
    id: summary.id,
    endpointId: summary.endpointId,
    receivedAtMs: Date.parse(summary.receivedAt),
    method: summary.method.toUpperCase(),
    status: summary.status,
    providers: [],
    haystack: urlHaystack,
  };
  // Everything but text and provider, judged on the summary.
  if (!compileQuery({ ...query, text: undefined, provider: undefined }, now)(entry)) return false;
  if (query.provider) return null;
  const terms = queryTerms(query.text);
  return terms.every((t) => urlHaystack.includes(t)) ? true : null;
}
