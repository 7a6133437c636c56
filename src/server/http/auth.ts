/**
 * The bearer token that guards reading, export and erasure. Compared in constant time: both
 * sides are hashed to the same length first, so neither the length nor the first differing
 * character of a guess shows in how long the answer takes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/** The token of an `Authorization: Bearer TOKEN` header, or null. */
export function bearerOf(request: Request): string | null {
  const match = BEARER.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function tokensMatch(given: string | null, expected: string): boolean {
  return given !== null && timingSafeEqual(digest(given), digest(expected));
}

/** 32 random bytes, URL-safe: what the receiver generates when no token is given. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** A token given by the operator: printable, no spaces (it travels in a header), long enough to resist guessing. */
export function tokenProblem(token: string): string | null {
  if (!/^[\x21-\x7e]+$/.test(token)) return 'the token must be printable ASCII without spaces';
  if (token.length < 16) return `the token has ${token.length} characters; use at least 16`;
  return null;
}
