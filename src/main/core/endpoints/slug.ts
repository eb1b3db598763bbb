/*
 * Endpoint slugs: the path segment after `/e/`. Kept to a URL-safe lowercase alphabet so the URL a
 * user copies is the URL the listener matches, with or without percent-encoding.
 */
import { invalidField } from '../../../shared/errors';

const SLUG_RE = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 63);
}

export function checkSlug(slug: string): string {
  if (typeof slug !== 'string' || !SLUG_RE.test(slug))
    throw invalidField('slug', 'Use 1–63 lowercase letters, digits, "-" or "_", starting with a letter or digit.');
  return slug;
}

export function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw invalidField('name', 'A name is required.');
  const trimmed = name.trim();
  if (trimmed.length > 80) throw invalidField('name', 'At most 80 characters.');
  return trimmed;
}
