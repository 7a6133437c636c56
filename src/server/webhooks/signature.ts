/**
 * X-NPS-Signature: `t=UNIX_SECONDS,v1=HEX`, HEX the HMAC-SHA256 with the webhook secret over
 * `UNIX_SECONDS + "." + body`. The time inside the signature lets a target refuse replays of an
 * old request; docs/webhooks.md has the verifying side.
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-NPS-Signature';

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const hex = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${hex}`;
}
