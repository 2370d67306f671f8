/** `2020-03-04 05:06:07` (WordPress, UTC when from a `_gmt` field) → ISO 8601; undefined if unreadable. */
export function wordpressDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m || m[1] === '0000') return undefined;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const date = new Date(time);
  if (Number.isNaN(time) || date.getUTCDate() !== Number(m[3])) return undefined;
  return date.toISOString();
}

/** An RFC 822 or ISO 8601 date → ISO 8601; undefined if unreadable. */
export function anyDate(value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year < 1990 || year > 2200 ? undefined : new Date(time).toISOString();
}
