import type { DigestSource } from '../../../src/digest/digest-builder.js';
import { seeded } from '../../security/prng.js';

/** Topics of the generated discussion: the nouns and adjectives readers use about each. */
const TOPICS: Array<{ nouns: string[]; adjectives: string[] }> = [
  {
    nouns: ['sanction', 'economy', 'export', 'bank', 'currency', 'oil'],
    adjectives: ['financial', 'costly', 'economic'],
  },
  {
    nouns: ['election', 'campaign', 'vote', 'hacker', 'email', 'candidate'],
    adjectives: ['partisan', 'secret', 'fair'],
  },
  {
    nouns: ['border', 'treaty', 'alliance', 'neighbour', 'territory', 'army'],
    adjectives: ['military', 'sovereign', 'tense'],
  },
  {
    nouns: ['reporter', 'newspaper', 'journalist', 'headline', 'broadcast', 'story'],
    adjectives: ['biased', 'honest', 'loud'],
  },
  { nouns: ['gas', 'pipeline', 'winter', 'energy', 'price', 'supplier'], adjectives: ['cheap', 'cold', 'reliable'] },
  {
    nouns: ['embassy', 'diplomat', 'visa', 'consulate', 'staff', 'talk'],
    adjectives: ['diplomatic', 'slow', 'formal'],
  },
  {
    nouns: ['history', 'empire', 'century', 'war', 'memory', 'monument'],
    adjectives: ['historical', 'ancient', 'bitter'],
  },
  {
    nouns: ['student', 'university', 'exchange', 'scholarship', 'teacher', 'language'],
    adjectives: ['academic', 'young', 'curious'],
  },
];
const SHARED_NOUNS = ['country', 'government', 'people', 'policy', 'article', 'question'];
const TEMPLATES = [
  'I think the {n} matters more than the {n} here.',
  'The {a} {n} is the real problem with this {n}.',
  'Nobody in the {n} wants a {a} {n} after all this.',
  'Every {n} I know says the {n} is {a} now.',
  'Why does the {s} ignore the {a} {n}?',
  'My {n} changed when the {n} became {a}.',
  'The {s} should fix the {n} before the {n} gets worse.',
  'A {a} {n} is not the same as a {a} {n}.',
];
const CHATTER = ['Great article, thanks.', 'Well said!', 'I agree.', 'Interesting read.'];

/**
 * A generated discussion of `count` comments by `commenters` readers over eight topics: each
 * comment two to five sentences about its topic (a few words shared by all topics), a third
 * of them replies within their topic, one in twenty content-free chatter, one in ten anchored
 * on one of the topic's two passages. Returns the comments and each one's topic (-1 for chatter).
 */
export function generatedDiscussion(
  count: number,
  commenters = 400,
): { comments: DigestSource[]; topicOf: Map<string, number> } {
  // Seeded, so every run reads the same discussion.
  const { next, pick } = seeded(count);
  const comments: DigestSource[] = [];
  const topicOf = new Map<string, number>();
  const byTopic: string[][] = TOPICS.map(() => []);
  for (let i = 0; i < count; i++) {
    const id = `g${i}`;
    const commenter = `reader-${Math.floor(next() * commenters)}`;
    if (next() < 0.05) {
      comments.push({ id, commenter, parentId: null, body: pick(CHATTER), anchor: null });
      topicOf.set(id, -1);
      continue;
    }
    const topic = Math.floor(next() * TOPICS.length);
    const { nouns, adjectives } = TOPICS[topic]!;
    const sentences = Array.from({ length: 2 + Math.floor(next() * 4) }, () =>
      pick(TEMPLATES).replace(/\{(n|a|s)\}/g, (_, kind: string) =>
        kind === 'n' ? pick(nouns) : kind === 'a' ? pick(adjectives) : pick(SHARED_NOUNS),
      ),
    );
    const earlier = byTopic[topic]!;
    const parentId = earlier.length > 0 && next() < 0.33 ? pick(earlier) : null;
    const passage = Math.floor(next() * 2);
    const anchor =
      next() < 0.1
        ? {
            threadId: `t${topic}-${passage}`,
            quote: `passage ${topic}.${passage}`,
            start: topic * 100 + passage * 50,
            end: topic * 100 + passage * 50 + 40,
          }
        : null;
    comments.push({ id, commenter, parentId, body: sentences.join(' '), anchor });
    topicOf.set(id, topic);
    earlier.push(id);
  }
  return { comments, topicOf };
}
