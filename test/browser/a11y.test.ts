/**
 * WCAG 2.2 AA in real Chromium: axe-core finds nothing in any placement, language, theme or
 * device; every placement can be completed with the keyboard alone; and focus is never taken
 * by a survey that appears by itself.
 */
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBrowser, type TestServer } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PLACEMENTS = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'bottom-bar', 'modal', 'inline', 'anchored'] as const;
type Where = (typeof PLACEMENTS)[number];

const PAGE = `<!doctype html><html lang="en"><head><title>Accessibility</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; font: 16px sans-serif; } main { padding: 24px; min-height: 1400px; position: relative; }
#anchor { margin-top: 140px; }</style></head>
<body><main><h1>Order placed</h1><label>Note <input id="note"></label> <button id="opener">Open survey</button>
<div id="slot"></div><p><button id="anchor">Order A-1001 confirmed</button></p></main>
<script src="/nps-widget.js"></script></body></html>`;

const harness = useBrowser();
let server: TestServer;
let page: Page;
let pageErrors: string[];

beforeEach(async () => {
  server = await harness.testServer();
  server.page('/a11y', PAGE);
});

async function open(options: BrowserContextOptions) {
  ({ page, pageErrors } = await harness.open(options));
  await page.goto(`${server.origin}/a11y`);
}

/** Replaces the survey with one at `where`, in `locale` and `theme`, shown past the rules. */
async function showAt(where: Where, extra: Record<string, unknown> = {}) {
  await page.evaluate(
    ([w, options]) => {
      const win = window as unknown as {
        survey?: { destroy(): void };
        NpsWidget: { createNpsWidget(o: unknown): { show(s: unknown): void; destroy(): void } };
      };
      win.survey?.destroy();
      const survey = win.NpsWidget.createNpsWidget({
        endpoint: '/collect',
        brand: 'Acme',
        show: 'manual',
        placement: w === 'anchored' ? 'bottom-right' : w,
        container: '#slot',
        autoCloseSeconds: 0,
        ...options,
      });
      survey.show({ force: true, anchor: w === 'anchored' ? '#anchor' : undefined });
      win.survey = survey;
    },
    [where, extra] as const,
  );
  await page.locator('.panel').waitFor();
  // Contrast is computed from what is painted: let entrance animations finish first.
  await page.locator('.panel').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
}

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** axe-core on the survey only (its shadow root), WCAG 2.0-2.2 A and AA plus best practices. */
async function audit(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(
      { include: [{ fromShadowDom: ['[data-nps-widget]', '.survey'] }] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    );
    return result.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')})`);
}

/** Every step there is: with these, the consent question and the promoters' link are audited too. */
const EVERY_STEP = { askConsent: true, promoterLink: '/review?rating={score}' };

/** Audits the question, the follow-up, the consent question, then the thank-you with the promoter link (shown with EVERY_STEP). */
async function auditEveryStep(label: string): Promise<string[]> {
  const found = (await audit()).map((v) => `${label}, question: ${v}`);
  await page.getByRole('radio').nth(9).click();
  found.push(...(await audit()).map((v) => `${label}, follow-up: ${v}`));
  await page.locator('.panel textarea').fill('x');
  await page.locator('button.submit').click();
  await page.locator('.consent').waitFor();
  found.push(...(await audit()).map((v) => `${label}, consent: ${v}`));
  await page.locator('.consent button').first().click();
  await page.getByRole('status').filter({ hasText: /\S/ }).waitFor();
  await page.locator('.panel a').waitFor();
  found.push(...(await audit()).map((v) => `${label}, thank-you: ${v}`));
  return found;
}

const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;

describe('axe-core finds no violations', () => {
  describe.each(Object.entries(DEVICES))('%s', (_device, options) => {
    it.each(['light', 'dark'] as const)(
      '%s theme, every placement, in English, Finnish and Arabic',
      async (theme) => {
        await open({ ...options, colorScheme: theme });
        const found: string[] = [];
        for (const locale of ['en', 'fi', 'ar']) {
          for (const where of PLACEMENTS) {
            await showAt(where, { locale, theme, ...EVERY_STEP });
            expect(await page.locator('.survey').getAttribute('lang')).toBe(locale);
            found.push(...(await auditEveryStep(`${locale} ${where}`)));
          }
        }
        expect(found).toEqual([]);
        expect(pageErrors).toEqual([]);
      },
      240_000,
    );
  });

  it.each(Object.entries(DEVICES))(
    '%s with forced colours and reduced motion, every placement',
    async (_device, options) => {
      await open({ ...options, forcedColors: 'active', reducedMotion: 'reduce' });
      const found: string[] = [];
      for (const where of PLACEMENTS) {
        await showAt(where, { theme: 'auto', ...EVERY_STEP });
        const animation = await page.locator('.panel').evaluate((el) => getComputedStyle(el).animationName);
        expect(animation).toBe('none');
        found.push(...(await auditEveryStep(`forced-colors ${where}`)));
      }
      expect(found).toEqual([]);
    },
    120_000,
  );
});

/** What has focus, looking inside the survey's shadow root. */
const focused = () =>
  page.evaluate(() => {
    const outer = document.activeElement;
    const inner = outer?.shadowRoot?.activeElement;
    if (!inner) return `page:${outer?.id || outer?.tagName}`;
    return inner.tagName === 'TEXTAREA' ? 'TEXTAREA' : (inner.getAttribute('aria-label') ?? inner.textContent?.trim() ?? inner.tagName);
  });

describe('keyboard only', () => {
  it.each(PLACEMENTS)('completes the survey at %s with Tab, arrows, typing and Enter', async (where) => {
    await open(DEVICES.desktop);
    await showAt(where, { autoCloseSeconds: 0 });
    if (where !== 'modal') {
      await page.locator('#note').focus();
      for (let i = 0; i < 12 && (await focused()) !== '0, Not at all likely'; i += 1) await page.keyboard.press('Tab');
    }
    expect(await focused()).toBe('0, Not at all likely');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('8');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('TEXTAREA');
    await page.keyboard.type('Works with keys');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Submit');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => server.deliveries.map((d) => d.json as { complete: boolean; score: number; comment: string }).find((r) => r.complete))
      .toMatchObject({
        score: 8,
        comment: 'Works with keys',
      });
    expect(await page.getByRole('status').textContent()).toContain('Thank you');
  });

  it('a survey that appears by itself never takes focus from what the visitor is typing', async () => {
    server.page(
      '/typing',
      PAGE.replace('<script src="/nps-widget.js"></script>', '<script src="/nps-widget.js" data-endpoint="/collect" data-delay-seconds="0.5"></script>'),
    );
    await open(DEVICES.desktop);
    await page.goto(`${server.origin}/typing`);
    await page.locator('#note').focus();
    await page.keyboard.type('Half a sen');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type('tence');
    expect(await page.locator('#note').inputValue()).toBe('Half a sentence');
    expect(await focused()).toBe('page:note');
    await expect
      .poll(() => page.locator('[data-nps-widget]').evaluate((h) => h.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent))
      .toMatch(/^A one-question survey has opened at the end of the page: /);
  });

  it('the modal takes focus and gives it back where it was when closed', async () => {
    await open(DEVICES.desktop);
    await page.locator('#opener').focus();
    await showAt('modal');
    expect(await focused()).toBe('0, Not at all likely');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-nps-widget]').count()).toBe(0);
    expect(await focused()).toBe('page:opener');
  });
});

describe('reflow', () => {
  it.each([
    ['320 CSS px wide', { width: 320, height: 640 }],
    ['1280 x 800 at 200% zoom', { width: 640, height: 400 }],
  ])('%s: every choice on screen, nothing scrolls sideways, Submit reachable', async (_label, viewport) => {
    await open({ viewport });
    for (const where of ['bottom-right', 'modal', 'anchored'] as const) {
      await showAt(where);
      await page.getByRole('radio').nth(10).click();
      for (let n = 0; n <= 10; n += 1) {
        const b = (await page.getByRole('radio').nth(n).boundingBox())!;
        expect(b.x, `${where} choice ${n}`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `${where} choice ${n}`).toBeLessThanOrEqual(viewport.width);
      }
      const panel = page.locator('.panel');
      expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth), where).toBe(true);
      const box = (await panel.boundingBox())!;
      expect(box.x + box.width, where).toBeLessThanOrEqual(viewport.width + 0.5);
      expect(box.y + box.height, where).toBeLessThanOrEqual(viewport.height + 0.5);
      await page.locator('button.submit').click();
      await page.getByRole('status').filter({ hasText: /\S/ }).waitFor();
    }
  });
});

describe('languages in the browser', () => {
  it('the script tag loads a locale from its own folder and mirrors right-to-left', async () => {
    await open(DEVICES.desktop);
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/locales/')) fetched.push(path.slice(path.indexOf('/locales/') + 1));
    });
    // English first: neither the locale matcher nor a table is fetched.
    await showAt('bottom-right', { locale: 'en-GB' });
    expect(await page.locator('#nps-question').textContent()).toMatch(/^How likely/);
    expect(fetched).toEqual([]);
    // Anything else: the matcher (es-MX -> es-419 is its knowledge, not the script's), then the table.
    await showAt('bottom-right', { locale: 'es-MX' });
    await expect.poll(() => page.locator('#nps-question').textContent()).toMatch(/^¿Qué tan probable/);
    expect(fetched).toEqual(['locales/match.js', 'locales/es-419.js']);
    await showAt('bottom-right', { locale: 'he' });
    expect(await page.locator('.survey').getAttribute('dir')).toBe('rtl');
    const question = await page.getByRole('dialog').getAttribute('aria-labelledby');
    expect(question).toBe('nps-question');
    expect(await page.locator('#nps-question').textContent()).toMatch(/[\u0590-\u05FF]/);
    // 0 sits at the start edge, which is the right in Hebrew.
    const zero = (await page.getByRole('radio').nth(0).boundingBox())!;
    const ten = (await page.getByRole('radio').nth(10).boundingBox())!;
    expect(zero.x).toBeGreaterThan(ten.x);
    expect(server.deliveries).toHaveLength(0);
  });
});
