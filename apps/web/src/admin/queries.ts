/** GraphQL documents of the admin pages. */

export interface Settings {
  bannedWords: string[];
  suspectWords: string[];
  allowedLinkDomains: string[];
  blockedLinkDomains: string[];
  maxLinks: number;
  minLength: number;
  maxLength: number;
  flagThreshold: number;
  newCommenterHold: number;
  premodAll: boolean;
  toxicity: { enabled: boolean; action: 'HELD' | 'REJECTED' };
}

const FIELDS = `bannedWords suspectWords allowedLinkDomains blockedLinkDomains maxLinks minLength maxLength flagThreshold
  newCommenterHold premodAll toxicity { enabled action }`;
export const SETTINGS_QUERY = `query ModerationSettings { moderationSettings { ${FIELDS} } }`;
export const UPDATE_SETTINGS_MUTATION = `
  mutation UpdateModerationSettings($input: UpdateModerationSettingsInput!) {
    updateModerationSettings(input: $input) { ${FIELDS} }
  }
`;
