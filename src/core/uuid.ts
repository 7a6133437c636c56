/**
 * Response ids: version-4 UUIDs built from `getRandomValues`, which every browser has.
 * Not `crypto.randomUUID`: it exists only in secure contexts, so a page on plain http would
 * need this anyway, and one way of making ids for every page is one way to test.
 */
/** A version-4 UUID from 31 random bytes, one per random digit (4 bits of each are used). */
export function uuidFromBytes(bytes: Uint8Array): string {
  let i = 0;
  // The 4 is the version; the 8 becomes 8, 9, a or b (the RFC 4122 variant); each 0 a random digit.
  return '00000000-0000-4000-8000-000000000000'.replace(/[08]/g, (digit) => {
    const random = bytes[i++] ?? 0;
    return (digit === '8' ? 8 | (random & 3) : random & 15).toString(16);
  });
}

export const newId = (): string => uuidFromBytes(crypto.getRandomValues(new Uint8Array(31)));
