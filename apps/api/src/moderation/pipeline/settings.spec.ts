import { DEFAULT_MODERATION_SETTINGS, SettingsError, validateModerationSettings } from './settings.js';

const expectError = (input: unknown, message: string) => {
  let error: unknown;
  try {
    validateModerationSettings(input);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(SettingsError);
  expect((error as SettingsError).message).toBe(message);
};

describe('DEFAULT_MODERATION_SETTINGS', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_MODERATION_SETTINGS).toMatchObject({
      minLength: 1,
      maxLength: 5000,
      maxLinks: 3,
      bannedWords: [],
      allowedLinkDomains: [],
      newCommenterHold: 0,
      premodAll: false,
      flagThreshold: 3,
      flagStandingMinAccountAgeHours: 24,
      flagStandingMinPublishedComments: 1,
      toxicity: { enabled: true, allowList: [], action: 'HELD' },
      history: { minComments: 3, maxRejectionRate: 0.5 },
    });
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(DEFAULT_MODERATION_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_MODERATION_SETTINGS.spam.phrases)).toBe(true);
  });
});

describe('validateModerationSettings', () => {
  it('fills every missing field with its default', () => {
    expect(validateModerationSettings({})).toEqual(DEFAULT_MODERATION_SETTINGS);
  });

  it('merges nested sections field by field', () => {
    const settings = validateModerationSettings({ maxLinks: 0, toxicity: { action: 'REJECTED' } });
    expect(settings.maxLinks).toBe(0);
    expect(settings.toxicity).toEqual({ enabled: true, allowList: [], action: 'REJECTED' });
    expect(settings.spam).toEqual(DEFAULT_MODERATION_SETTINGS.spam);
  });

  it('returns frozen settings, since matchers are cached on their identity', () => {
    const settings = validateModerationSettings({ bannedWords: ['x'] });
    expect(Object.isFrozen(settings.bannedWords)).toBe(true);
  });

  it('trims, collapses and de-duplicates word lists', () => {
    expect(validateModerationSettings({ bannedWords: [' Bad  Word ', 'bad word', 'other'] }).bannedWords).toEqual([
      'Bad Word',
      'other',
    ]);
  });

  it('normalizes link domains', () => {
    const settings = validateModerationSettings({
      blockedLinkDomains: [' WWW.Spam.Example ', '*.ads.example', 'spam.example'],
    });
    expect(settings.blockedLinkDomains).toEqual(['spam.example', 'ads.example']);
  });

  it.each([
    [null, 'settings: expected an object'],
    [[], 'settings: expected an object'],
    [{ maxLinks: 51 }, 'maxLinks: expected an integer between 0 and 50'],
    [{ maxLinks: 2.5 }, 'maxLinks: expected an integer between 0 and 50'],
    [{ maxLinks: '3' }, 'maxLinks: expected an integer between 0 and 50'],
    [{ minLength: 0 }, 'minLength: expected an integer between 1 and 10000'],
    [{ minLength: 100, maxLength: 50 }, 'minLength: expected at most maxLength (50)'],
    [{ maxlinks: 3 }, 'maxlinks: unknown setting'],
    [{ flagThreshold: 0 }, 'flagThreshold: expected an integer between 1 and 1000'],
    [{ repeatSimilarity: 0 }, 'repeatSimilarity: expected a number greater than 0 and at most 1'],
    [{ repeatSimilarity: Number.NaN }, 'repeatSimilarity: expected a number greater than 0 and at most 1'],
    [{ bannedWords: 'badword' }, 'bannedWords: expected an array of strings'],
    [{ bannedWords: ['ok', 42] }, 'bannedWords[1]: expected a string'],
    [{ suspectWords: ['  '] }, 'suspectWords[0]: expected a non-empty string of at most 100 characters'],
    [
      { allowedLinkDomains: ['https://example.com/path'] },
      'allowedLinkDomains[0]: expected a domain name such as example.com',
    ],
    [{ spam: { shoutingRatio: 1.5 } }, 'spam.shoutingRatio: expected a number greater than 0 and at most 1'],
    [{ spam: { phrases: [''] } }, 'spam.phrases[0]: expected a non-empty string of at most 100 characters'],
    [{ spam: 'on' }, 'spam: expected an object'],
    [{ spam: { typo: 1 } }, 'spam.typo: unknown setting'],
    [{ toxicity: { action: 'DELETE' } }, 'toxicity.action: expected one of HELD, REJECTED'],
    [{ toxicity: { enabled: 'yes' } }, 'toxicity.enabled: expected a boolean'],
    [{ history: { maxRejectionRate: -0.1 } }, 'history.maxRejectionRate: expected a number between 0 and 1'],
    [{ newCommenterHold: -1 }, 'newCommenterHold: expected an integer between 0 and 100'],
    [{ premodAll: 1 }, 'premodAll: expected a boolean'],
  ])('rejects %j naming the offending field', (input, message) => {
    expectError(input, message);
  });

  it('exposes the offending field on the error', () => {
    expect(() => validateModerationSettings({ maxLinks: -1 })).toThrow(
      expect.objectContaining({ name: 'SettingsError', field: 'maxLinks' }),
    );
  });
});
