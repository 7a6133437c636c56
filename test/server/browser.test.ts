/**
 * The whole path in real Chromium: a shop page on one origin (127.0.0.1) loads the widget from
 * the receiver on another (localhost), a visitor answers, and the answer is stored and counted
 * in GET /results. A page on an origin the receiver does not allow gets nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';
import { answerSurvey } from '../chromium.mjs';
import { FAILED_LOADS, useBrowser, type TestServer } from '../browser/harness.js';
import { serveOverHttp, startReceiver, type TestReceiver } from './receivers.js';
import { STORES } from './stores.js';

// Only the widget's own words count as console errors.
const harness = useBrowser({ ignoreConsole: FAILED_LOADS });

function shopPage(receiver: string): string {
  return `<!doctype html><html lang="en"><head><title>Order complete</title></head>
<body><main><h1>Thanks for shopping at Acme</h1></main>
<script src="${receiver}/nps-widget.js" data-endpoint="${receiver}/responses" data-brand="Acme" data-survey-id="checkout" async></script>
</body></html>`;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(STORES)('an answer through the real widget, stored on $name', (kind) => {
  let shop: TestServer;
  let r: TestReceiver;
  let served: Awaited<ReturnType<typeof serveOverHttp>>;
  let receiverUrl: string;

  beforeAll(async () => {
    shop = await harness.testServer();
    r = await startReceiver({ storage: await kind.fresh(), allowedOrigins: [shop.origin] });
    served = await serveOverHttp(r.receiver);
    // The same server, reached under another origin than the shop's.
    receiverUrl = served.url.replace('127.0.0.1', 'localhost');
  });
  afterAll(async () => {
    await served?.close();
    await r?.close();
  });

  it('is stored and counted in GET /results', async () => {
    shop.page('/order-complete', shopPage(receiverUrl));
    const { page } = await harness.open();
    await page.goto(`${shop.origin}/order-complete`);
    await answerSurvey(page, 9, 'Fast delivery');

    const results = await until(
      async () => (await (await r.read('/results?surveyId=checkout&by=day')).json()) as { total: { counts: number[] }; groups: unknown[] },
      (body) => body.total.counts[9] === 1,
      'the answer counted in GET /results',
    );
    expect(results.total.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(results.groups).toHaveLength(1);

    const stored = await until(
      async () => (await (await r.read('/responses?surveyId=checkout')).json()) as NpsResponse[],
      (records) => records[0]?.complete === true,
      'the submitted state stored',
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ score: 9, comment: 'Fast delivery', complete: true, pageUrl: `${shop.origin}/order-complete` });
    // Nothing stayed behind in the page's outbox: every delivery was acknowledged.
    await until(
      () =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((key) => key.startsWith('nps-widget:outbox'))
            .map((key) => localStorage.getItem(key)),
        ),
      (left) => left.every((v) => v === null || v === '[]'),
      'an empty outbox',
    );
  });

  it('stores nothing from a page on an origin it does not allow, and the widget says why once', async () => {
    const stranger = await harness.testServer();
    stranger.page('/survey', shopPage(receiverUrl).replace('data-survey-id="checkout"', 'data-survey-id="stranger"'));
    const { page, consoleErrors: errors } = await harness.open();
    // Another port of 127.0.0.1 is another origin, and not listed.
    await page.goto(`${stranger.origin}/survey`);
    await page.getByRole('radio', { name: /^4\b/ }).click();
    await until(
      async () => errors,
      (seen) => seen.some((text) => text.includes('403')),
      'the widget reporting the 403',
    );
    expect(await (await r.read('/responses?surveyId=stranger')).json()).toEqual([]);
  });
});
