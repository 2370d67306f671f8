/** GraphQL documents and helpers of the Sites page. */

export interface Site {
  id: string;
  name: string;
  origins: string[];
  premod: boolean;
  commentsOpen: boolean;
  articleCount: number;
  embedSnippet: string;
  createdAt: string;
}

const FIELDS = 'id name origins premod commentsOpen articleCount embedSnippet createdAt';
export const SITES_QUERY = `query Sites { sites { ${FIELDS} } }`;
export const CREATE_SITE = `mutation CreateSite($input: CreateSiteInput!) {
  createSite(input: $input) { ssoSecret site { ${FIELDS} } }
}`;
export const UPDATE_SITE = `mutation UpdateSite($input: UpdateSiteInput!) { updateSite(input: $input) { ${FIELDS} } }`;
export const ROTATE_SITE_SECRET = `mutation RotateSiteSecret($siteId: ID!) {
  rotateSiteSecret(siteId: $siteId) { ssoSecret site { ${FIELDS} } }
}`;

/** One origin a line; blank lines dropped. */
export const originsFromText = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The server names a bad origin by its index (`origins.2`, which the client's error keeps as
 * `2`); the form shows the line it came from, counting non-blank lines like originsFromText.
 */
export function originError(field: string | undefined, message: string): string {
  const index = /^(?:origins\.)?(\d+)$/.exec(field ?? '')?.[1];
  return index === undefined ? message : `Line ${Number(index) + 1}: ${message}`;
}
