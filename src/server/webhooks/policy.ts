/**
 * The webhook options and the rules of retrying, pure: which options are valid, their
 * defaults, and how long to wait after a failed attempt. The worker (worker.ts) applies them;
 * it never decides a delay itself. See docs/webhooks.md.
 */

export interface WebhookOptions {
  /** Where events are POSTed: http(s) URLs, each gets every event. */
  urls: readonly string[];
  /** The HMAC-SHA256 key of X-NPS-Signature; at least 16 characters. Required: an unsigned event could be forged by anyone. */
  secret: string;
  /** How long one POST may take before it counts as failed; 10 s by default. */
  timeoutMs?: number;
  /** The backoff's base: the first retry waits up to this; 10 s by default. */
  firstRetryMs?: number;
  /** The most any wait between attempts grows to; 1 hour by default. */
  maxRetryMs?: number;
  /** How long after the event (or an operator's retry) attempts stop and the delivery is given up; 3 days by default. */
  giveUpAfterMs?: number;
  /** How often the worker looks for due deliveries; 1 s by default. */
  pollMs?: number;
  /** Deliveries one receiver sends at once; 8 by default. */
  concurrency?: number;
}

export type DeliveryPolicy = Required<Omit<WebhookOptions, 'urls' | 'secret'>>;

const SECOND = 1000;
const HOUR = 3600 * SECOND;

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  timeoutMs: 10 * SECOND,
  firstRetryMs: 10 * SECOND,
  maxRetryMs: HOUR,
  giveUpAfterMs: 72 * HOUR,
  pollMs: SECOND,
  concurrency: 8,
};

export const MIN_SECRET_LENGTH = 16;

/** Why a webhook URL cannot be used, or null. */
export function webhookUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `webhook ${JSON.stringify(url)} is not a URL; expected http://... or https://...`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `webhook ${url} uses ${parsed.protocol}; expected http: or https:`;
  if (parsed.username || parsed.password)
    return `webhook ${parsed.host}: credentials in the URL would be logged and listed; the signature authenticates events`;
  return null;
}

/** The first problem with the webhook options, or null. */
export function webhookOptionsProblem(options: WebhookOptions): string | null {
  if (options.urls.length === 0) return null;
  for (const url of options.urls) {
    const problem = webhookUrlProblem(url);
    if (problem) return problem;
  }
  if (new Set(options.urls).size !== options.urls.length) return 'a webhook URL is listed twice; each gets every event once';
  if (options.secret.length < MIN_SECRET_LENGTH) {
    return `the webhook secret has ${options.secret.length} characters; give one of at least ${MIN_SECRET_LENGTH} (--webhook-secret or NPS_WEBHOOK_SECRET), which targets use to verify X-NPS-Signature`;
  }
  for (const name of Object.keys(DEFAULT_DELIVERY_POLICY) as (keyof DeliveryPolicy)[]) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) return `webhooks.${name} is ${value}; expected a whole number above 0`;
  }
  return null;
}

export const policyOf = (options: WebhookOptions): DeliveryPolicy => {
  const policy = { ...DEFAULT_DELIVERY_POLICY };
  for (const name of Object.keys(policy) as (keyof DeliveryPolicy)[]) policy[name] = options[name] ?? policy[name];
  return policy;
};

/**
 * The wait after failed attempt number `attempts` (1 for the first): exponential backoff with
 * full jitter, a uniform draw from 0 to min(maxRetryMs, firstRetryMs * 2^(attempts-1)). The
 * jitter spreads the retries of many events that failed together (a target back after an
 * outage) instead of sending them in waves.
 */
export function retryDelay(attempts: number, policy: Pick<DeliveryPolicy, 'firstRetryMs' | 'maxRetryMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.floor(random() * ceiling);
}

/**
 * How long a worker holds a claimed delivery: past the request's timeout with room to record
 * the outcome, so a live worker always finishes (or releases) before anyone else may take it.
 */
export const leaseFor = (policy: Pick<DeliveryPolicy, 'timeoutMs'>): number => 2 * policy.timeoutMs + 30 * SECOND;
