const MAX_SLUG = 80;

/**
 * A URL-safe slug from a title: lower-case ASCII words joined by hyphens, at most 80
 * characters, cut at a word boundary; apostrophes join their word ("February’s" → "februarys").
 */
export function slugify(title: string): string {
  const full = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= MAX_SLUG) return full || 'article';
  const cut = full.slice(0, MAX_SLUG + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
}
