/*
 * Which endpoint a request belongs to: `/e/<slug>` followed by `/`, `?` or the end of the URL.
 * The slug segment may arrive percent-encoded (`/e/stripe%2Ddev/`); anything that does not name a
 * known endpoint, malformed encoding included, goes to the default endpoint.
 */
import { DEFAULT_ENDPOINT_ID } from '../../../shared/capture';

const PREFIX = '/e/';

export function slugOfUrl(url: string): string | null {
  if (!url.startsWith(PREFIX)) return null;
  const rest = url.slice(PREFIX.length);
  const end = rest.search(/[/?#]/);
  const raw = end === -1 ? rest : rest.slice(0, end);
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return null;
  }
}

export function routeEndpointId(url: string, idBySlug: ReadonlyMap<string, string>): string {
  const slug = slugOfUrl(url);
  return (slug !== null && idBySlug.get(slug)) || DEFAULT_ENDPOINT_ID;
}

export function endpointPath(slug: string): string {
  return slug ? `${PREFIX}${slug}/` : '/';
}
