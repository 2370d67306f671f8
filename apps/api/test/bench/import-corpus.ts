/**
 * Deterministic corpus for the import benchmark: articles in the WordPress print layout
 * of the 001 seed (site line, title, paragraphs, byline, numbered comments), whose
 * comments quote the article (anchored threads), address earlier commenters (replies)
 * or neither (page threads). The same seed always gives the same texts.
 */

/** mulberry32: small, fast, good enough to generate workloads. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the policy relations between two powers has shifted over decades while diplomats argue about trade energy ' +
  'security sanctions treaties alliances markets voters leaders ministers borders history memory pressure ' +
  'interest influence region council summit agreement dispute promise risk cost benefit signal strategy reform ' +
  'economy currency oil gas grain water river city province coast harbor fleet army budget press court law ' +
  'public opinion careful analysis suggests another reading of the evidence remains open to debate today'
).split(' ');
const NAMES = [
  'Ada Park',
  'Ben Ortiz',
  'Chloe Nakamura',
  'Dmitri Volkov',
  'Elena Rossi',
  'Farid Haddad',
  'Grace Liu',
  'Hugo Lambert',
  'Ines Silva',
  'Jonas Berg',
  'Kemi Adeyemi',
  'Lars Holm',
  'Mei Tanaka',
  'Noor Rahman',
  'Oscar Reyes',
  'Priya Nair',
];
const SITES = ['The Loopback Review', 'Margin Notes Daily', 'The Quiet Gazette', 'Harbor Post'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface CorpusStats {
  articles: number;
  bytes: number;
  comments: number;
}

export function generateCorpus(count: number, seed = 20_171_207): { texts: string[]; stats: CorpusStats } {
  const rnd = seeded(seed);
  const between = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const sentence = (): string => {
    const words = Array.from({ length: between(9, 22) }, () => pick(WORDS));
    return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}.`;
  };
  const texts: string[] = [];
  let comments = 0;
  for (let i = 0; i < count; i++) {
    const site = pick(SITES);
    const author = pick(NAMES);
    const title = `Dispatch ${i + 1}: ${Array.from({ length: between(3, 6) }, () => pick(WORDS)).join(' ')}`;
    const paragraphs = Array.from({ length: between(4, 10) }, () =>
      Array.from({ length: between(3, 6) }, sentence).join(' '),
    );
    const lines = [`- ${site} - https://${site.toLowerCase().replace(/\W+/g, '')}.example -`, '', title, ''];
    for (const p of paragraphs) lines.push(p, '');
    lines.push(`${author} is a senior editor at ${site}.`, '');
    const n = between(0, 12);
    comments += n;
    if (n > 0) lines.push(`${n} Comments To "${title}"`, '');
    const commenters: string[] = [];
    for (let k = 1; k <= n; k++) {
      const name = pick(NAMES);
      const day = between(1, 28);
      const hour = between(1, 12);
      const minute = String(between(0, 59)).padStart(2, '0');
      lines.push(
        `#${k} Comment By ${name} On ${pick(MONTHS)} ${day}, 2019 @ ${hour}:${minute} ${rnd() < 0.5 ? 'am' : 'pm'}`,
        '',
      );
      const roll = rnd();
      if (roll < 0.25) {
        const quoted = pick(paragraphs).split('. ')[0]!.replace(/\.$/, '');
        lines.push(`“${quoted}.”`, '', sentence());
      } else if (roll < 0.5 && commenters.length > 0) {
        lines.push(`@${pick(commenters)}`, '', sentence(), sentence());
      } else lines.push(sentence(), '', sentence());
      lines.push('');
      commenters.push(name);
    }
    texts.push(lines.join('\n'));
  }
  return { texts, stats: { articles: count, bytes: texts.reduce((s, t) => s + Buffer.byteLength(t), 0), comments } };
}
