import { describe, expect, it } from 'vitest';
import { uuidFromBytes } from '../../src/core/uuid.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidFromBytes (every response id)', () => {
  it('keeps the version and variant bits whatever the bytes', () => {
    expect(uuidFromBytes(new Uint8Array(31))).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuidFromBytes(new Uint8Array(31).fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('gives distinct version-4 ids from random bytes', () => {
    const ids = Array.from({ length: 2000 }, () => uuidFromBytes(crypto.getRandomValues(new Uint8Array(31))));
    expect(ids.every((id) => V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every byte for a digit, so each digit is random on its own', () => {
    const bytes = Uint8Array.from({ length: 31 }, (_, i) => i);
    // Bytes 0..30: the variant digit takes byte 15 (8 | 15 & 3 = b); the rest take their low 4 bits.
    expect(uuidFromBytes(bytes)).toBe('01234567-89ab-4cde-b012-3456789abcde');
  });
});
