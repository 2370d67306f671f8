// Moderation settings: the defaults and a validator for admin-supplied JSON.
// Validated settings are deeply frozen because the phases cache compiled
// matchers keyed on the identity of the settings' arrays/objects (WeakMap);
// mutating them in place would silently leave a stale matcher behind.
import { normalizeDomain } from './text/domains.js';

export type ToxicityAction = 'HELD' | 'REJECTED';

export interface SpamSettings {
  /** A run of the same character longer than this is a spam signal; 0 disables the check. */
  readonly maxRepeatedCharRun: number;
  /** Share of uppercase among cased letters (0..1) from which a body counts as shouting. */
  readonly shoutingRatio: number;
  /** Bodies with fewer cased letters are never shouting ("OK", "TIL NASA"). */
  readonly shoutingMinLetters: number;
  /** Known spam phrases, matched like banned words (case/leetspeak/spacing tolerant). */
  readonly phrases: readonly string[];
  /** Links per word above which a body with at least two links is link-stuffed. */
  readonly maxLinkDensity: number;
  /** Spam score (0..1) from which the comment is held. Each signal adds 0.5. */
  readonly holdScore: number;
}

export interface ToxicitySettings {
  readonly enabled: boolean;
  /**
   * Words or phrases never reported as toxic: either a lexicon word to drop
   * entirely ("bastard") or a phrase whose text is exempt ("Dick Cheney").
   */
  readonly allowList: readonly string[];
  readonly action: ToxicityAction;
}

export interface HistorySettings {
  /** Window the caller uses to compute `author.recentTotal/recentRejected`. */
  readonly windowDays: number;
  /** Below this many recent comments the rejection rate is not meaningful. */
  readonly minComments: number;
  /** Hold when recentRejected / recentTotal is strictly greater than this. */
  readonly maxRejectionRate: number;
}

export interface ModerationSettings {
  readonly minLength: number;
  readonly maxLength: number;
  readonly bannedWords: readonly string[];
  readonly suspectWords: readonly string[];
  readonly maxLinks: number;
  /** When non-empty, links to any other domain are held. */
  readonly allowedLinkDomains: readonly string[];
  readonly blockedLinkDomains: readonly string[];
  /** Window the caller uses to load `author.recentBodies`. */
  readonly repeatWindowMinutes: number;
  /** Similarity (0..1] from which a body counts as a repeat of a recent one. */
  readonly repeatSimilarity: number;
  readonly spam: SpamSettings;
  readonly toxicity: ToxicitySettings;
  readonly history: HistorySettings;
  /** Hold an author's comments until they have this many published; 0 = off. */
  readonly newCommenterHold: number;
  /** Site-wide pre-moderation. */
  readonly premodAll: boolean;
  /** Distinct readers with standing and an open flag from which a published comment is hidden for review. */
  readonly flagThreshold: number;
  /**
   * A reader's flag counts toward hiding a comment only once their account is this old and
   * has this many published comments (standing): throwaway accounts cannot hide a comment,
   * though their flags still put it in the Reported queue.
   */
  readonly flagStandingMinAccountAgeHours: number;
  readonly flagStandingMinPublishedComments: number;
}

export class SettingsError extends Error {
  constructor(
    readonly field: string,
    expectation: string,
  ) {
    super(`${field}: ${expectation}`);
    this.name = 'SettingsError';
  }
}

export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = deepFreeze({
  minLength: 1,
  maxLength: 5000,
  bannedWords: [],
  suspectWords: [],
  maxLinks: 3,
  allowedLinkDomains: [],
  blockedLinkDomains: [],
  repeatWindowMinutes: 10,
  repeatSimilarity: 0.9,
  spam: {
    maxRepeatedCharRun: 12,
    shoutingRatio: 0.7,
    shoutingMinLetters: 20,
    phrases: [
      'buy now',
      'click here',
      'limited time offer',
      'work from home',
      'make money fast',
      'earn money online',
      'free gift card',
      'guaranteed income',
      'crypto giveaway',
      'casino bonus',
    ],
    maxLinkDensity: 0.5,
    holdScore: 0.5,
  },
  toxicity: { enabled: true, allowList: [], action: 'HELD' },
  history: { windowDays: 30, minComments: 3, maxRejectionRate: 0.5 },
  newCommenterHold: 0,
  premodAll: false,
  flagThreshold: 3,
  flagStandingMinAccountAgeHours: 24,
  flagStandingMinPublishedComments: 1,
});

/**
 * Validates admin-supplied settings. Missing fields take their default (so
 * stored settings survive new fields being added); present fields must be
 * valid and unknown fields are rejected (they are almost always typos).
 * Throws a SettingsError naming the first offending field.
 */
export function validateModerationSettings(input: unknown): ModerationSettings {
  const settings = readSection('settings', input, DEFAULT_MODERATION_SETTINGS, {
    minLength: integer(1, 10_000),
    maxLength: integer(1, 100_000),
    bannedWords: wordList,
    suspectWords: wordList,
    maxLinks: integer(0, 50),
    allowedLinkDomains: domainList,
    blockedLinkDomains: domainList,
    repeatWindowMinutes: integer(0, 1440),
    repeatSimilarity: ratio({ allowZero: false }),
    spam: (value, field) =>
      readSection(field, value, DEFAULT_MODERATION_SETTINGS.spam, {
        maxRepeatedCharRun: integer(0, 1000),
        shoutingRatio: ratio({ allowZero: false }),
        shoutingMinLetters: integer(1, 10_000),
        phrases: wordList,
        maxLinkDensity: ratio({ allowZero: true }),
        holdScore: ratio({ allowZero: false }),
      }),
    toxicity: (value, field) =>
      readSection(field, value, DEFAULT_MODERATION_SETTINGS.toxicity, {
        enabled: boolean,
        allowList: wordList,
        action: oneOf(['HELD', 'REJECTED'] as const),
      }),
    history: (value, field) =>
      readSection(field, value, DEFAULT_MODERATION_SETTINGS.history, {
        windowDays: integer(1, 365),
        minComments: integer(1, 1000),
        maxRejectionRate: ratio({ allowZero: true }),
      }),
    newCommenterHold: integer(0, 100),
    premodAll: boolean,
    flagThreshold: integer(1, 1000),
    flagStandingMinAccountAgeHours: integer(0, 24 * 365),
    flagStandingMinPublishedComments: integer(0, 1000),
  });
  if (settings.minLength > settings.maxLength) {
    throw new SettingsError('minLength', `expected at most maxLength (${settings.maxLength})`);
  }
  return deepFreeze(settings);
}

type Reader<T> = (value: unknown, field: string) => T;
type Readers<T> = { [K in keyof T]-?: Reader<T[K]> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSection<T extends object>(path: string, input: unknown, defaults: T, readers: Readers<T>): T {
  if (!isRecord(input)) throw new SettingsError(path, 'expected an object');
  const prefix = path === 'settings' ? '' : `${path}.`;
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(readers, key)) throw new SettingsError(`${prefix}${key}`, 'unknown setting');
  }
  const result: { -readonly [K in keyof T]: T[K] } = { ...defaults };
  for (const key of Object.keys(readers) as (keyof T & string)[]) {
    const value = input[key];
    if (value !== undefined) result[key] = readers[key](value, `${prefix}${key}`);
  }
  return result;
}

function integer(min: number, max: number): Reader<number> {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new SettingsError(field, `expected an integer between ${min} and ${max}`);
    }
    return value;
  };
}

function ratio({ allowZero }: { allowZero: boolean }): Reader<number> {
  return (value, field) => {
    const ok =
      typeof value === 'number' && Number.isFinite(value) && value <= 1 && (allowZero ? value >= 0 : value > 0);
    if (!ok) {
      throw new SettingsError(
        field,
        allowZero ? 'expected a number between 0 and 1' : 'expected a number greater than 0 and at most 1',
      );
    }
    return value;
  };
}

function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new SettingsError(field, 'expected a boolean');
  return value;
}

function oneOf<const V extends string>(values: readonly V[]): Reader<V> {
  return (value, field) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw new SettingsError(field, `expected one of ${values.join(', ')}`);
    }
    return value as V;
  };
}

const MAX_LIST_ITEMS = 5000;
const MAX_WORD_LENGTH = 100;

function stringList(value: unknown, field: string, normalize: (item: string, itemField: string) => string): string[] {
  if (!Array.isArray(value)) throw new SettingsError(field, 'expected an array of strings');
  if (value.length > MAX_LIST_ITEMS) throw new SettingsError(field, `expected at most ${MAX_LIST_ITEMS} entries`);
  const seen = new Set<string>();
  const out: string[] = [];
  value.forEach((item: unknown, index) => {
    const itemField = `${field}[${index}]`;
    if (typeof item !== 'string') throw new SettingsError(itemField, 'expected a string');
    const normalized = normalize(item, itemField);
    // Duplicates differing only in case are harmless but would be reported twice.
    const key = normalized.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(normalized);
    }
  });
  return out;
}

function wordList(value: unknown, field: string): string[] {
  return stringList(value, field, (item, itemField) => {
    const word = item.trim().replace(/\s+/gu, ' ');
    if (word === '' || word.length > MAX_WORD_LENGTH) {
      throw new SettingsError(itemField, `expected a non-empty string of at most ${MAX_WORD_LENGTH} characters`);
    }
    return word;
  });
}

function domainList(value: unknown, field: string): string[] {
  return stringList(value, field, (item, itemField) => {
    const domain = normalizeDomain(item);
    if (domain === undefined) throw new SettingsError(itemField, 'expected a domain name such as example.com');
    return domain;
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
