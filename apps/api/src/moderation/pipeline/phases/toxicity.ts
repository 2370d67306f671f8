import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  type EnglishProfaneWord,
} from 'obscenity';
import type { ToxicitySettings } from '../settings.js';
import type { Phase } from '../types.js';

interface ToxicityMatcher {
  find(text: string): string[];
}

// Building the matcher compiles a few hundred regexes; do it once per settings
// object (settings are immutable) rather than once per comment.
const matchers = new WeakMap<ToxicitySettings, ToxicityMatcher>();

/**
 * Phase 8: a profanity/slur lexicon (obscenity's English dataset, which already
 * handles leetspeak, confusable unicode and stretched letters). Matched terms
 * are recorded; the comment is held or rejected per `toxicity.action`.
 */
export const toxicity: Phase = (ctx) => {
  const config = ctx.settings.toxicity;
  if (!config.enabled) return undefined;
  const terms = toxicityMatcher(config).find(ctx.comment.body);
  if (terms.length === 0) return undefined;
  ctx.scores.toxicity = { terms };
  return { status: config.action, reason: 'TOXIC', detail: terms.join(', ') };
};

export function toxicityMatcher(config: ToxicitySettings): ToxicityMatcher {
  let matcher = matchers.get(config);
  if (!matcher) {
    matcher = buildMatcher(config.allowList);
    matchers.set(config, matcher);
  }
  return matcher;
}

/**
 * An allow-list entry works two ways: if it names a lexicon word ("bastard")
 * that word is dropped from the dataset, so every spelling of it is allowed;
 * any entry is also whitelisted as a phrase, so its text never counts
 * ("Dick Cheney", a place name). obscenity compares whitelisted phrases against
 * lowercased, space-collapsed text, hence the normalization.
 */
function buildMatcher(allowList: readonly string[]): ToxicityMatcher {
  const allowed = allowList.map((entry) => entry.toLowerCase().trim().replace(/\s+/gu, ' ')).filter(Boolean);
  const allowedWords = new Set(allowed);
  const dataset = new DataSet<{ originalWord: EnglishProfaneWord }>()
    .addAll(englishDataset)
    .removePhrasesIf((phrase) => phrase.metadata !== undefined && allowedWords.has(phrase.metadata.originalWord));
  const built = dataset.build();
  const matcher = new RegExpMatcher({
    ...built,
    whitelistedTerms: [...(built.whitelistedTerms ?? []), ...allowed],
    ...englishRecommendedTransformers,
  });
  return {
    find(text) {
      const words = matcher
        .getAllMatches(text, true)
        .map((match) => dataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord)
        .filter((word): word is EnglishProfaneWord => word !== undefined);
      return [...new Set(words)];
    },
  };
}
