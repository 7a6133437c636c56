/**
 * A token bucket per client address: each address may send `perMinute` requests a minute,
 * in bursts of up to a minute's worth, and is told how long to wait past that. Pure: the
 * clock is passed in. The table of addresses is bounded, so a flood of distinct addresses
 * cannot grow it without end (the oldest are forgotten first, which only ever lets more through).
 */

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(address: string, now: number): Verdict;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MINUTE_MS = 60_000;
/** About 10 MB of buckets at most. */
const DEFAULT_MAX_ADDRESSES = 100_000;

export function createRateLimiter(perMinute: number, { maxAddresses = DEFAULT_MAX_ADDRESSES } = {}): RateLimiter {
  if (perMinute <= 0) return { take: () => ({ ok: true }) };
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / MINUTE_MS;
  /** A bucket untouched for a minute is full again: the same as none. */
  const forgetFull = (now: number) => {
    for (const [address, bucket] of buckets) if (now - bucket.at >= MINUTE_MS) buckets.delete(address);
  };
  return {
    take(address, now) {
      let bucket = buckets.get(address);
      if (bucket === undefined) {
        if (buckets.size >= maxAddresses) {
          forgetFull(now);
          // Still full of active addresses: forget the longest-known one.
          if (buckets.size >= maxAddresses) buckets.delete(buckets.keys().next().value as string);
        }
        bucket = { tokens: perMinute, at: now };
        buckets.set(address, bucket);
      } else {
        bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs);
        bucket.at = now;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
