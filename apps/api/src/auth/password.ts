import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Argon2id with OWASP's recommended minimum: 19 MiB memory, 2 iterations, 1 lane. */
// Algorithm is a const enum (not importable under isolatedModules): 2 is Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the email is unknown, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password'));

/** Stored instead of a hash for an account a site's single sign-on made: no password verifies against it. */
export const SITE_SIGN_IN_ONLY = '!single-sign-on';

/** Whether an account has a password of its own (not one made by single sign-on, nor a deleted one). */
export const hasOwnPassword = (passwordHash: string): boolean => !passwordHash.startsWith('!');
