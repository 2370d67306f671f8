/** One run of a word diff: text both sides share, or text only the old or the new side has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words with the spaces after them, so joining the parts gives back the texts exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+\s*/g) ?? [];
}

/**
 * Word diff of two texts (Myers' O(ND) algorithm on words, after trimming the common start
 * and end): revisions usually differ in a few places, so D stays small even for long
 * articles. Past `maxEdits` differences it gives up on alignment and shows the middle as
 * removed then added, so a rewrite never freezes the page.
 */
export function wordDiff(before: string, after: string, maxEdits = 4000): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start));
  const middle = myers(a.slice(start, endA), b.slice(start, endB), maxEdits);
  for (const part of middle) push(parts, part.kind, [part.text]);
  push(parts, 'same', a.slice(endA));
  return parts;
}

function push(parts: DiffPart[], kind: DiffPart['kind'], tokens: string[]): void {
  if (tokens.length === 0) return;
  const text = tokens.join('');
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

function myers(a: string[], b: string[], maxEdits: number): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset, d);
    }
    v = next;
  }
  // Too many differences to align: the whole middle, old then new.
  const parts: DiffPart[] = [];
  push(parts, 'removed', a);
  push(parts, 'added', b);
  return parts;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number, d: number): DiffPart[] {
  const reversed: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let step = d; step > 0; step--) {
    const prev = trace[step]!;
    const k = x - y;
    const down = k === -step || (k !== step && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ kind: 'same', text: a[x - 1]! });
      x--;
      y--;
    }
    if (down) reversed.push({ kind: 'added', text: b[prevY]! });
    else reversed.push({ kind: 'removed', text: a[prevX]! });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    reversed.push({ kind: 'same', text: a[x - 1]! });
    x--;
    y--;
  }
  const parts: DiffPart[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) push(parts, reversed[i]!.kind, [reversed[i]!.text]);
  return parts;
}
