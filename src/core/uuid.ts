/**
 * Response ids. `crypto.randomUUID` exists only in secure contexts, so a page on plain http
 * gets a version-4 UUID built from `getRandomValues`, which every browser has.
 */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Array.from(bytes.slice(0, 16), (n) => n);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = b.map((n) => n.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newId(): string {
  const c = globalThis.crypto;
  return typeof c.randomUUID === 'function' ? c.randomUUID() : uuidFromBytes(c.getRandomValues(new Uint8Array(16)));
}
