/**
 * Response ids. `crypto.randomUUID` exists only in secure contexts, so a page on plain http
 * gets a version-4 UUID built from `getRandomValues`, which every browser has.
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

export function newId(): string {
  const c = globalThis.crypto;
  return typeof c.randomUUID === 'function' ? c.randomUUID() : uuidFromBytes(c.getRandomValues(new Uint8Array(31)));
}
