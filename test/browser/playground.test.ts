/**
 * The playground in Chromium against the real demo server, as a site owner uses it: options
 * change the live survey; the copied code, pasted into a blank page of another origin, makes
 * the same survey deliver to the collector, and pasted back restores the form; the URL keeps
 * the options; warnings name the bad choices; the delivery inspector shows each failure the
 * collector is told to make and the retry that recovers; "Reset this browser" forgets it all.
 */
import { createRequire } from 'node:module';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPTION_NAMES } from '../../src/core/all-options.js';
import type { NpsResponse } from '../../src/core/payload.js';
import { answerSurvey, storedRecords, waitForRecords, widgetStorage } from '../chromium.mjs';
import { useBrowser, type DemoServer, type TestServer } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Requests to anything but 127.0.0.1 land in foreignRequests: the playground must work with no network. */
const harness = useBrowser({ allowRequest: (url) => Boolean(new URL(url).hostname.match(/^(127\.0\.0\.1|localhost)$/)) || url.startsWith('about:') });
let server: DemoServer;
let context: BrowserContext;
let page: Page;
let frame: FrameLocator;
let foreignRequests: string[];
let pageErrors: string[];

/** A context like a first visit, allowed to use the clipboard; its errors and foreign requests count. */
const newContext = () => harness.open({ viewport: { width: 1400, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });

beforeEach(async () => {
  server = await harness.demoServer();
  ({ context, page, pageErrors, foreignRequests } = await newContext());
  frame = page.frameLocator('#preview');
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});

/** The frame's current page is up (the survey was created), and after a moment shows no survey. */
async function expectNoSurvey() {
  await page.locator('#preview[data-ready]').waitFor();
  await page.waitForTimeout(750);
  await expect(frame.locator('[data-nps-widget]').count()).resolves.toBe(0);
}

/** Opens the playground and waits for its survey and for the form to know what the widget takes. */
async function openPlayground(query = '') {
  await page.goto(new URL(`/playground.html${query}`, server.url).href);
  await page.locator('#options[data-offered="checked"]').waitFor();
  await frame.getByRole('dialog').waitFor();
}

const option = (name: string) => page.getByLabel(name, { exact: true });

/**
 * Chooses a score in the frame's survey. The frame is brought into view first: Playwright
 * scrolls within a frame, not the page around it.
 */
async function chooseScore(score: number) {
  await page.locator('#preview').scrollIntoViewIfNeeded();
  await frame
    .getByRole('dialog')
    .getByRole('radio', { name: new RegExp(`^${score}\\b`) })
    .click();
}

/** Where the survey's panel sits in the frame's viewport, and how wide that viewport is. */
const panelBox = () =>
  frame.locator('[data-nps-widget]').evaluate((host) => {
    const box = host.shadowRoot?.querySelector('.panel')?.getBoundingClientRect();
    return box ? { left: box.left, right: innerWidth - box.right, bottom: innerHeight - box.bottom, width: innerWidth } : null;
  });

/** The class of the survey's panel inside the frame (its layout). */
const panelClass = () => frame.locator('[data-nps-widget]').evaluate((host) => host.shadowRoot?.querySelector('.panel')?.className ?? '');

/** The survey's question, once the frame shows one matching `name`. */
async function questionShown(name: RegExp) {
  await frame.getByRole('dialog', { name }).waitFor();
}

const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

const snippet = (id: 'script-tag' | 'async' | 'esm') =>
  page
    .locator(`#snippet-${id}`)
    .textContent()
    .then((text) => text ?? '');

/** Rows of the inspector's delivery table for one response id, as text per column. */
async function deliveriesOf(id: string): Promise<string[][]> {
  return page
    .locator(`#delivery-rows tr[data-id="${id}"]`)
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
}

/** Polls `read` until `done` accepts its value. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('playground', () => {
  it('re-renders the survey as options change: brand, kind, placement, theme, locale', async () => {
    await openPlayground();
    await questionShown(/recommend us to a friend/);
    await expect(panelClass()).resolves.toMatch(/\bcorner\b.*\bbottom-right\b/);

    await option('brand').fill('Acme Goods');
    await questionShown(/recommend Acme Goods to a friend or colleague/);
    await option('kind').selectOption('enps');
    await questionShown(/recommend Acme Goods as a place to work/);
    await option('placement').selectOption('modal');
    await until(panelClass, (name) => /\bmodal\b/.test(name), 'the survey did not become a modal');
    await option('theme').selectOption('dark');
    await until(
      () => frame.locator('[data-nps-widget]').evaluate((host) => host.shadowRoot?.querySelector('.survey')?.className ?? ''),
      (name) => /\bdark\b/.test(name),
      'the survey did not turn dark',
    );
    await option('locale').selectOption('fi');
    await until(
      () => frame.locator('[data-nps-widget]').evaluate((host) => host.shadowRoot?.querySelector('.survey')?.getAttribute('lang') ?? ''),
      (lang) => lang === 'fi',
      'the survey did not speak Finnish',
    );
    await frame.getByRole('dialog', { name: /Acme Goods/ }).waitFor();

    expect(await snippet('async')).toContain(
      "nps('init', {\n    endpoint: '" +
        new URL('/api/nps', server.url).href +
        "',\n    brand: 'Acme Goods',\n    kind: 'enps',\n    locale: 'fi',\n    placement: 'modal',\n    theme: 'dark',\n  });",
    );
  });

  it('shows the survey again past the rules after an answer, which the rules would not', async () => {
    await openPlayground();
    await answerSurvey(frame, 9, 'Quick to set up.');
    await waitForRecords(server.url, (records) => records.some((record) => record.complete));

    // Following the rules, an answered survey stays away for resurveyDays.
    await page.getByLabel('Show it on every change, past the rules').uncheck();
    await expectNoSurvey();

    await page.getByRole('button', { name: 'Show the survey again' }).click();
    await frame.getByRole('dialog').waitFor();
  });

  it('shows the phone layout, a bottom sheet, in the phone frame', async () => {
    await openPlayground();
    const desktop = await panelBox();
    expect(desktop?.width).toBeGreaterThan(480);
    expect(desktop?.left).toBeGreaterThan(100);
    expect(desktop?.right).toBeGreaterThan(0);

    await page.getByLabel('Phone (375 × 667)').check();
    expect(new URL(page.url()).searchParams.get('device')).toBe('phone');
    const phone = await until(panelBox, (box) => box?.width === 375, 'the frame did not become phone-sized');
    expect(phone).toEqual({ left: 0, right: 0, bottom: 0, width: 375 });
  });

  it('copies each form of the install code; pasted into a blank page it delivers the same survey', async () => {
    await openPlayground();
    await option('brand').fill('Pasted Goods');
    await option('surveyId').fill('pasted');
    await option('kind').selectOption('enps');
    await option('locale').selectOption('fi');
    await option('show').selectOption('manual');
    await option('touchpoint').fill('onboarding');
    await option('resurveyDays').fill('30');
    await until(
      () => snippet('esm'),
      (code) => code.includes("touchpoint: 'onboarding'") && code.includes('resurveyDays: 30'),
      'the ESM code did not follow the form',
    );

    const blank: TestServer = await harness.testServer();
    // The npm form needs a bundler; the page's import map stands in for one, handing over the
    // script's own createNpsWidget (the package and the script share it: docs/api.md).
    blank.page('/nps-widget-package.js', 'export const { createNpsWidget } = window.NpsWidget;', { 'Content-Type': 'text/javascript' });
    const forms = [
      ['script-tag', 'the script tag', (code: string) => code],
      ['async', 'the async snippet', (code: string) => code],
      [
        'esm',
        'the ESM code',
        (code: string) =>
          `<script type="importmap">{ "imports": { "nps-widget": "/nps-widget-package.js" } }</script>
<script src="${new URL('/nps-widget.js', server.url).href}"></script>
<script type="module">${code}</script>`,
      ],
    ] as const;
    try {
      for (const [id, name, embed] of forms) {
        await page.getByRole('button', { name: `Copy ${name}` }).click();
        const shown = await snippet(id);
        const copied = await until(clipboard, (text) => text === shown, `${name} did not reach the clipboard`);

        // A page of its own origin on 127.0.0.1 and a first visit, as a site owner's would be.
        blank.page(`/${id}`, `<!doctype html><html lang="en"><head><title>Blank</title></head><body><h1>A blank page</h1>\n${embed(copied)}\n</body></html>`);
        const { context: visitor, page: site } = await newContext();
        await site.goto(`${blank.origin}/${id}`);
        await site.getByRole('dialog', { name: /Pasted Goods/ }).waitFor();
        await expect(site.locator('[data-nps-widget]').evaluate((host) => host.shadowRoot?.querySelector('.survey')?.getAttribute('lang'))).resolves.toBe('fi');
        await answerSurvey(site, 8, `Pasted as ${name}.`, { submit: 'Lähetä', thanks: /Kiitos/ });
        // The thank-you shows as the submission is sent: closing the visitor's browser before
        // it is stored would test the test's own haste, not the snippet.
        await waitForRecords(server.url, (stored) => stored.some((record) => record.complete && record.comment === `Pasted as ${name}.`));
        await visitor.close();
      }
      const records = await waitForRecords(server.url, (stored) => stored.filter((record) => record.complete).length === 3);
      expect(records.map((record) => record.comment).sort()).toEqual(['Pasted as the ESM code.', 'Pasted as the async snippet.', 'Pasted as the script tag.']);
      for (const record of records) {
        expect(record).toMatchObject({ surveyId: 'pasted', kind: 'enps', locale: 'fi', surveyType: 'transactional', touchpoint: 'onboarding', score: 8 });
      }
    } finally {
      await blank.close();
    }
  }, 60_000);

  it('restores the form from a pasted snippet of each form, and says when it cannot', async () => {
    await openPlayground('?brand=Round+Trip&placement=inline&exitIntent=true&sampleRate=0.5&touchpoint=cart');
    const written = { 'script-tag': await snippet('script-tag'), async: await snippet('async'), esm: await snippet('esm') };
    expect(written['script-tag']).toContain('data-exit-intent');

    for (const [id, code] of Object.entries(written)) {
      await page.goto(new URL('/playground.html', server.url).href);
      await page.locator('#options[data-offered="checked"]').waitFor();
      expect(await snippet('async')).not.toContain('Round Trip');
      await page.getByLabel('Any of the three forms; the form takes its options').fill(code);
      await page.getByRole('button', { name: 'Restore the form' }).click();
      await page
        .locator('#paste-result')
        .getByText(/^Restored from the /)
        .waitFor();

      await expect(option('brand').inputValue(), id).resolves.toBe('Round Trip');
      await expect(option('placement').inputValue(), id).resolves.toBe('inline');
      await expect(option('exitIntent').isChecked(), id).resolves.toBe(true);
      await expect(option('sampleRate').inputValue(), id).resolves.toBe('0.5');
      await expect(option('touchpoint').inputValue(), id).resolves.toBe('cart');
      await until(
        () => snippet(id as keyof typeof written),
        (again) => again === code,
        `the ${id} code did not come back the same`,
      );
      await frame.locator('#nps-survey [data-nps-widget]').waitFor();
    }

    await page.getByLabel('Any of the three forms; the form takes its options').fill("nps('init', { endpoint: location.origin + '/api/nps' })");
    await page.getByRole('button', { name: 'Restore the form' }).click();
    await page.locator('#paste-result').getByText('Not understood: "location" is code, not a value at character 25.').waitFor();
    await expect(option('brand').inputValue()).resolves.toBe('Round Trip');
  }, 60_000);

  it('keeps the options in the URL, and a copied link opens the same configuration', async () => {
    await openPlayground();
    await option('brand').fill('Linked & Co');
    await option('resurveyDays').fill('14');
    await option('exitIntent').check();
    await option('accentColor').fill('#0f766e');
    await until(
      () => Promise.resolve(page.url()),
      (url) => url.includes('accentColor'),
      'the URL did not follow the form',
    );
    await page.getByRole('button', { name: 'Copy a link to these options' }).click();
    const link = await until(clipboard, (text) => text.includes('accentColor'), 'the link did not reach the clipboard');
    expect(Object.fromEntries(new URL(link).searchParams)).toEqual({ brand: 'Linked & Co', resurveyDays: '14', exitIntent: 'true', accentColor: '#0f766e' });
    const code = await snippet('script-tag');

    const other = await context.newPage();
    await other.goto(link);
    await other.locator('#options[data-offered="checked"]').waitFor();
    await expect(other.getByLabel('brand', { exact: true }).inputValue()).resolves.toBe('Linked & Co');
    await expect(other.getByLabel('exitIntent', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(other.locator('#snippet-script-tag').textContent()).resolves.toBe(code);
    await other
      .frameLocator('#preview')
      .getByRole('dialog', { name: /Linked & Co/ })
      .waitFor();
  });

  it('warns about an accent colour that fails contrast, a sample rate of 0, a resurvey period of 0 days', async () => {
    await openPlayground();
    await expect(page.locator('#warnings').textContent()).resolves.toMatch(/^None/);
    const warnings = page.locator('#warnings');

    await option('accentColor').fill('#ffff00');
    await warnings.getByText(/The widget says: accentColor #ffff00: against the light background it reaches only 1:1 \(3:1 needed/).waitFor();
    await option('sampleRate').fill('0');
    await warnings.getByText('sampleRate 0: nobody is ever asked.').waitFor();
    await option('resurveyDays').fill('0');
    await warnings.getByText(/resurveyDays 0: a visitor who answered is asked again on every page view/).waitFor();
    // The widget's own warning comes again from the survey rebuilt for the last change.
    await warnings.getByText(/The widget says: accentColor #ffff00/).waitFor();
    expect(await warnings.locator('li').count()).toBe(3);

    // A value the widget refuses is named by the widget itself.
    await option('sampleRate').fill('2');
    await warnings.getByText(/The widget says: invalid options, the survey will not show: option "sampleRate" is 2; allowed: a number from 0 to 1/).waitFor();
  });

  it('inspects deliveries: a 500, a 429, a cut connection and a stall, each followed by its successful retry', async () => {
    await openPlayground();
    // A short request timeout, so the stall (2 s past it) is watched in seconds.
    await option('requestTimeoutSeconds').fill('1');
    await until(
      () => Promise.resolve(page.url()),
      (url) => url.includes('requestTimeoutSeconds=1'),
      'the form did not take the timeout',
    );
    await frame.getByRole('dialog').waitFor();
    const mode = page.locator('#collector-mode');
    await mode.getByText('Collector: delivering normally.').waitFor();

    const failures = [
      ['with HTTP 500', 'answering HTTP 500 for the next delivery', '500', /the endpoint answered HTTP 500/],
      ['with HTTP 429 (Retry-After)', 'answering HTTP 429 with Retry-After for the next delivery', '429', /the endpoint answered HTTP 429/],
      ['offline (connection cut)', 'cutting the connection for the next delivery', 'no answer', /network error/],
      ['slowly, past the request timeout', 'stalling 3 s for the next delivery', 'no answer', /no answer within 1 s/],
    ] as const;
    const seen = new Set<string>();
    for (const [button, state, status, reason] of failures) {
      await page.getByRole('button', { name: button }).click();
      await mode.getByText(`Collector: ${state}.`).waitFor();
      await chooseScore(6);
      const id = await until(
        () => page.locator('#delivery-rows tr[data-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? '')),
        (ids) => ids.some((candidate) => !seen.has(candidate)),
        `no delivery was listed after "${button}"`,
      ).then((ids) => ids.find((candidate) => !seen.has(candidate)) ?? '');
      seen.add(id);

      // While it waits, the outbox holds it.
      if (status === '429') await page.locator(`#outbox-rows tr[data-id="${id}"]`).waitFor();
      const rows = await until(
        () => deliveriesOf(id),
        (found) => found.some((row) => row[4] === 'delivered'),
        `"${button}" was not followed by a delivery`,
      );
      // Columns: time, response, state, attempt, outcome, status, reason, next try, payload.
      expect(
        rows.map((row) => row.slice(3, 7)),
        button,
      ).toEqual([
        ['1', 'retry', status, expect.stringMatching(reason)],
        ['2', 'delivered', '201', ''],
      ]);
      expect(rows[0]?.[7]).toMatch(/^in \d+\.\d s$/);
      await mode.getByText('Collector: delivering normally.').waitFor();
      await page.locator(`#outbox-rows tr[data-id="${id}"]`).waitFor({ state: 'detached' });

      // A new showing, so the next failure is a new response.
      await page.getByRole('button', { name: 'Show the survey again' }).click();
      await frame.getByRole('dialog').getByRole('radio', { name: /^6\b/ }).waitFor();
      await until(
        () => frame.getByRole('radio', { checked: true }).count(),
        (count) => count === 0,
        'the survey did not start over',
      );
    }

    const stored: NpsResponse[] = await storedRecords(server.url);
    expect(new Set(stored.map((record) => record.id))).toEqual(seen);
  }, 90_000);

  it('"Reset this browser" forgets the outbox and the rules\' memory', async () => {
    await openPlayground();
    await page.getByLabel('Fail', { exact: true }).selectOption({ label: 'every delivery, until switched off' });
    await page.getByRole('button', { name: 'with HTTP 500' }).click();
    await page.locator('#collector-mode').getByText('Collector: answering HTTP 500 for every delivery, until switched off.').waitFor();
    await page.locator('#preview').scrollIntoViewIfNeeded();
    await answerSurvey(frame, 3, 'Stuck in the outbox.');
    await page.locator('#outbox-rows tr[data-id]').waitFor();
    const before = await widgetStorage(page);
    expect(before['nps-widget:outbox']).toContain('Stuck in the outbox.');
    expect(JSON.parse(before['nps-widget:history:nps'] ?? '{}')).toMatchObject({ lastRespondedAt: expect.any(Number) });
    // Following the rules now, so only a forgotten answer lets the survey show by itself.
    await page.getByLabel('Show it on every change, past the rules').uncheck();
    await expectNoSurvey();

    await page.getByRole('button', { name: 'Reset this browser' }).click();
    await page.locator('#delivery-rows').getByText('This browser was reset').waitFor();
    await page.locator('#outbox-rows').getByText('Nothing waiting').waitFor();
    await frame.getByRole('dialog').waitFor();
    const after = await widgetStorage(page);
    expect(after['nps-widget:outbox']).toBeUndefined();
    expect(JSON.parse(after['nps-widget:history:nps'] ?? '{}').lastRespondedAt ?? null).toBeNull();

    await page.getByRole('button', { name: 'Deliver normally' }).click();
    await page.locator('#collector-mode').getByText('Collector: delivering normally.').waitFor();
    expect(await storedRecords(server.url)).toEqual([]);
  });

  it('offers askConsent exactly when the loaded widget accepts it', async () => {
    await openPlayground('?askConsent=true');
    const accepted = (OPTION_NAMES as readonly string[]).includes('askConsent');
    await expect(page.locator('[data-option="askConsent"]').isVisible()).resolves.toBe(accepted);
    await until(
      () => snippet('async'),
      (code) => code.includes('askConsent: true') === accepted,
      'the code did not follow what the widget accepts',
    );
    // No "unknown option" warning either way: an option the widget lacks is not passed to it.
    await expect(page.locator('#warnings').textContent()).resolves.not.toMatch(/unknown option/);
  });

  it('is accessible: axe-core finds no violations, and every control has a label in a named group', async () => {
    await openPlayground();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } })
        .axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        // The survey in the frame has its own audit (a11y.test.ts).
        iframes: false,
      });
      return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes)}`);
    });
    expect(violations).toEqual([]);
    expect(await page.locator('#options fieldset').count()).toBe(7);
    expect(await page.locator('#options fieldset > legend').count()).toBe(7);

    // Keyboard only: focus the brand field, type, and the survey follows.
    await option('surveyId').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyed');
    await questionShown(/recommend Keyed to a friend/);
  });
});
