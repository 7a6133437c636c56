/**
 * Where the survey appears and who sees it, in real Chromium at a desktop and a phone size:
 * every placement visible and on screen, anchored popovers next to (not over) their anchor,
 * the modal's focus handling, inline in the flow, and the rules holding across reloads.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser, type TestServer } from './harness.js';

const harness = useBrowser();
let server: TestServer;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };

const PAGE = `<!doctype html><html lang="en"><head><title>Placements</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; font: 16px sans-serif; } main { padding: 24px; height: 2400px; position: relative; }
#anchor { position: absolute; top: 220px; left: 40%; } #low-anchor { position: absolute; top: 740px; left: 20px; }
#slot { border: 1px dashed #999; max-width: 600px; }</style></head>
<body><main><h1>Placements</h1><button id="opener">Open survey</button>
<div id="slot"></div><p id="after">Content after the inline survey.</p>
<button id="anchor">Order confirmed</button><button id="low-anchor">Low anchor</button></main>
<script src="/nps-widget.js"></script></body></html>`;

beforeEach(async () => {
  server = await harness.testServer();
  server.page('/placements', PAGE);
});

async function open(device: typeof DESKTOP | typeof PHONE) {
  ({ context, page, pageErrors } = await harness.open(device));
  await page.goto(`${server.origin}/placements`);
}

/** Creates a widget with `options` and shows it (past the rules: this is about placement). */
async function showSurvey(options: Record<string, unknown>, showOptions: Record<string, unknown> = {}) {
  await page.evaluate(
    ([o, s]) => {
      const w = window as unknown as { survey?: { destroy(): void }; NpsWidget: { createNpsWidget(o: unknown): { show(s: unknown): void; destroy(): void } } };
      w.survey?.destroy();
      const survey = w.NpsWidget.createNpsWidget({ endpoint: '/collect', brand: 'Acme', show: 'manual', ...o });
      survey.show({ ...s, force: true });
      w.survey = survey;
    },
    [options, showOptions] as const,
  );
  await page.locator('.panel').waitFor();
}

const panel = () => page.locator('.panel');
const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
const panelClass = () => panel().evaluate((el) => el.className);
const visibility = () => panel().evaluate((el) => getComputedStyle(el).visibility);

function expectInside(b: { x: number; y: number; width: number; height: number }, viewport: { width: number; height: number }) {
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(b.y + b.height).toBeLessThanOrEqual(viewport.height + 0.5);
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('at 1280 x 800', () => {
  it.each([
    ['bottom-right', (b: DOMRectLike) => b.x + b.width > 1200 && b.y + b.height > 750],
    ['bottom-left', (b: DOMRectLike) => b.x < 40 && b.y + b.height > 750],
    ['top-right', (b: DOMRectLike) => b.x + b.width > 1200 && b.y < 40],
    ['top-left', (b: DOMRectLike) => b.x < 40 && b.y < 40],
    ['bottom-bar', (b: DOMRectLike) => b.x === 0 && b.width === 1280 && Math.round(b.y + b.height) === 800],
    ['modal', (b: DOMRectLike) => Math.abs(b.x + b.width / 2 - 640) < 2 && Math.abs(b.y + b.height / 2 - 400) < 2],
  ])('%s is visible where it belongs and within the viewport', async (placement, where) => {
    await open(DESKTOP);
    await showSurvey({ placement });
    await page.waitForTimeout(250); // let the entrance animation finish
    const b = await box('.panel');
    expectInside(b, DESKTOP.viewport);
    expect(where(b), JSON.stringify(b)).toBe(true);
    expect(await page.getByRole('radio').count()).toBe(11);
    expect(pageErrors).toEqual([]);
  });

  it('places an anchored popover below its anchor, pointing at it, without covering it', async () => {
    await open(DESKTOP);
    await showSurvey({}, { anchor: '#anchor' });
    await expect.poll(async () => Math.round((await box('.panel')).y - ((await box('#anchor')).y + (await box('#anchor')).height))).toBe(12);
    expect(overlaps(await box('.panel'), await box('#anchor'))).toBe(false);
    const arrow = await box('.arrow');
    const anchor = await box('#anchor');
    expect(Math.abs(arrow.x + arrow.width / 2 - (anchor.x + anchor.width / 2))).toBeLessThan(2);
    // The arrow's tip, outside the panel's edge, is really painted there (not clipped away).
    const tip = { x: arrow.x + arrow.width / 2, y: (await box('.panel')).y - 3 };
    const hit = await page.locator('[data-nps-widget]').evaluate((host, p) => host.shadowRoot?.elementFromPoint(p.x, p.y)?.className, tip);
    expect(hit).toBe('arrow');
    expectInside(await box('.panel'), DESKTOP.viewport);
  });

  it('flips above an anchor near the bottom edge, and follows it when the page scrolls', async () => {
    await open(DESKTOP);
    await showSurvey({}, { anchor: '#low-anchor' });
    const gapAbove = async () => Math.round((await box('#low-anchor')).y - ((await box('.panel')).y + (await box('.panel')).height));
    const gapBelow = async () => Math.round((await box('.panel')).y - ((await box('#low-anchor')).y + (await box('#low-anchor')).height));
    await expect.poll(gapAbove).toBe(12);
    expect(await panel().getAttribute('data-side')).toBe('top');
    // Scrolled up the page, the anchor has room below again: the popover goes back under it.
    await page.mouse.wheel(0, 500);
    await expect.poll(gapBelow).toBe(12);
    expect(await panel().getAttribute('data-side')).toBe('bottom');
    expect(overlaps(await box('.panel'), await box('#low-anchor'))).toBe(false);
    expectInside(await box('.panel'), DESKTOP.viewport);
  });

  it('stays within a short viewport as it grows, scrolling inside so Submit can be reached', async () => {
    ({ context, page } = await harness.open({ viewport: { width: 1280, height: 420 } }));
    await page.goto(`${server.origin}/placements`);
    await showSurvey({}, { anchor: '#anchor' });
    await page.getByRole('radio', { name: /^4\b/ }).click();
    await page.waitForTimeout(250);
    expectInside(await box('.panel'), { width: 1280, height: 420 });
    await page.getByRole('textbox').fill('Too slow');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => server.deliveries.some((d) => (d.json as { complete?: boolean }).complete)).toBe(true);
  });

  it('hides while the anchor is scrolled out of view and comes back with it', async () => {
    await open(DESKTOP);
    await showSurvey({}, { anchor: '#anchor' });
    await page.mouse.wheel(0, 1200);
    await expect.poll(() => panel().evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    await page.mouse.wheel(0, -1200);
    await expect.poll(() => panel().evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
  });

  it('hides while the anchor is scrolled out of its scrolling container, though still inside the viewport', async () => {
    await open(DESKTOP);
    await page.evaluate(() => {
      const scroller = document.createElement('div');
      scroller.id = 'scroller';
      scroller.style.cssText = 'position: absolute; top: 300px; right: 40px; width: 260px; height: 160px; overflow: auto; border: 1px solid';
      scroller.innerHTML = '<div style="height: 600px; padding-top: 40px"><button id="inner-anchor">Inside a scroller</button></div>';
      document.body.append(scroller);
    });
    await showSurvey({}, { anchor: '#inner-anchor' });
    await expect.poll(visibility).toBe('visible');
    await page.locator('#scroller').evaluate((el) => el.scrollTo(0, 200));
    await expect.poll(visibility).toBe('hidden');
    // The anchor is still inside the viewport, above the container: only the container clips it.
    const anchorBox = await page.locator('#inner-anchor').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expectInside(anchorBox, DESKTOP.viewport);
    expect(anchorBox.y + anchorBox.height).toBeLessThan((await box('#scroller')).y);
    await page.locator('#scroller').evaluate((el) => el.scrollTo(0, 0));
    await expect.poll(visibility).toBe('visible');
    expect(pageErrors).toEqual([]);
  });

  it('moves to the configured corner when the anchor leaves the document', async () => {
    await open(DESKTOP);
    await showSurvey({ placement: 'top-left' }, { anchor: '#anchor' });
    await page.evaluate(() => document.getElementById('anchor')?.remove());
    await page.mouse.wheel(0, 10); // any layout change makes autoUpdate look again
    await expect.poll(panelClass).toBe('panel corner top-left');
    await page.waitForTimeout(250);
    const b = await box('.panel');
    expect(b.x < 40 && b.y < 40).toBe(true);
  });

  it('falls back to the configured placement when the anchor does not exist', async () => {
    await open(DESKTOP);
    await showSurvey({ placement: 'bottom-left' }, { anchor: '#nowhere' });
    expect(await panelClass()).toBe('panel corner bottom-left');
  });

  it('modal: takes focus, keeps Tab inside, closes on Esc and gives focus back', async () => {
    await open(DESKTOP);
    await page.locator('#opener').focus();
    await showSurvey({ placement: 'modal' });
    expect(await page.getByRole('dialog').getAttribute('aria-modal')).toBe('true');
    const focused = () =>
      page.evaluate(() => {
        const inner = document.activeElement?.shadowRoot?.activeElement;
        if (!inner) return `page:${document.activeElement?.id}`;
        return inner.tagName === 'TEXTAREA' ? inner.tagName : (inner.getAttribute('aria-label') ?? inner.textContent?.trim() ?? inner.tagName);
      });
    await expect.poll(focused).toBe('0, Not at all likely');
    await page.keyboard.press('Space');
    const seen = new Set<string>();
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      seen.add(await focused());
    }
    expect([...seen].some((f) => f.startsWith('page:'))).toBe(false);
    expect(seen).toEqual(new Set(['TEXTAREA', 'Submit', 'Close', '0, Not at all likely']));
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Close');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-nps-widget]').count()).toBe(0);
    expect(await focused()).toBe('page:opener');
  });

  it('modal: the backdrop covers the page, and clicking it dismisses', async () => {
    await open(DESKTOP);
    await showSurvey({ placement: 'modal' });
    const backdrop = await box('.backdrop');
    expect(backdrop).toMatchObject({ x: 0, y: 0, width: 1280, height: 800 });
    await page.mouse.click(20, 20);
    await expect.poll(() => page.locator('[data-nps-widget]').count()).toBe(0);
  });

  it('inline: sits in the page flow inside its container and stays after submit', async () => {
    await open(DESKTOP);
    const afterBefore = (await box('#after')).y;
    await showSurvey({ placement: 'inline', container: '#slot', autoCloseSeconds: 1 });
    expect(await page.locator('#slot [data-nps-widget]').count()).toBe(1);
    expect(await panel().evaluate((el) => getComputedStyle(el).position)).not.toBe('fixed');
    const slot = await box('#slot');
    const b = await box('.panel');
    expect(b.y).toBeGreaterThanOrEqual(slot.y);
    expect((await box('#after')).y).toBeGreaterThan(afterBefore + b.height - 1);
    await page.getByRole('radio', { name: /^8\b/ }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForTimeout(1500);
    expect(await page.getByRole('status').textContent()).toContain('Thank you');
    expect(await page.locator('[data-nps-widget]').count()).toBe(1);
  });
});

type DOMRectLike = { x: number; y: number; width: number; height: number };

describe('at 360 x 640 on a touch screen', () => {
  it.each(['bottom-right', 'top-left', 'bottom-bar'])('%s becomes a bottom sheet with 44 px choices and both end labels', async (placement) => {
    await open(PHONE);
    await showSurvey({ placement });
    await page.waitForTimeout(250);
    const b = await box('.panel');
    expect(b.x).toBe(0);
    expect(b.width).toBe(360);
    expect(Math.round(b.y + b.height)).toBe(640);
    const radios = page.getByRole('radio');
    for (let n = 0; n <= 10; n += 1) {
      const r = (await radios.nth(n).boundingBox())!;
      expect(r.width, `choice ${n}`).toBeGreaterThanOrEqual(44);
      expect(r.height, `choice ${n}`).toBeGreaterThanOrEqual(44);
      expectInside(r, PHONE.viewport);
    }
    const zero = (await radios.nth(0).boundingBox())!;
    const ten = (await radios.nth(10).boundingBox())!;
    const low = await box('.low');
    const high = await box('.high');
    expect(low.y + low.height).toBeLessThanOrEqual(zero.y + 1); // above 0
    expect(high.y).toBeGreaterThanOrEqual(ten.y + ten.height - 1); // below 10
    expectInside(low, PHONE.viewport);
    expectInside(high, PHONE.viewport);
  });

  it.each(['modal', 'inline'])('%s stays within the viewport with tappable choices', async (placement) => {
    await open(PHONE);
    await showSurvey({ placement, container: '#slot' });
    await page.waitForTimeout(250);
    expectInside(await box('.panel'), PHONE.viewport);
    const r = (await page.getByRole('radio').nth(10).boundingBox())!;
    expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(44);
  });

  it('keeps an anchored popover on screen and off its anchor', async () => {
    await open(PHONE);
    await showSurvey({}, { anchor: '#anchor' });
    await page.waitForTimeout(250);
    expectInside(await box('.panel'), PHONE.viewport);
    expect(overlaps(await box('.panel'), await box('#anchor'))).toBe(false);
  });
});

const autoPage = (
  options: string,
) => `<!doctype html><html lang="en"><head><title>Auto</title><meta name="viewport" content="width=device-width"></head><body><main><h1>Shop</h1></main>
<script src="/nps-widget.js" data-endpoint="/collect" data-brand="Acme" ${options}></script></body></html>`;

/** The visitor's draw as the widget stored it, once it has drawn. */
async function draw(): Promise<number> {
  await page.waitForFunction(() => localStorage.getItem('nps-widget:history:nps') !== null);
  return page.evaluate(() => (JSON.parse(localStorage.getItem('nps-widget:history:nps') ?? '{}') as { draw: number }).draw);
}

/** Whether the survey shows on this page view: waits for it when the draw lets it, else gives it time to (wrongly) appear. */
async function surveyShows(drawn: number): Promise<number> {
  if (drawn < 0.5) await page.getByRole('dialog').waitFor();
  else await page.waitForTimeout(500);
  return page.locator('[data-nps-widget]').count();
}

describe('rules across reloads', () => {
  it('does not ask again after an answer (resurveyDays), and says why in debug output', async () => {
    server.page('/auto', autoPage('data-debug'));
    await open(DESKTOP);
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto(`${server.origin}/auto`);
    await page.getByRole('radio', { name: /^9\b/ }).click();
    await server.waitForDeliveries(1);
    await page.reload();
    await page.waitForTimeout(500);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    expect(logs).toContainEqual(expect.stringMatching(/^nps-widget: \[nps\] will not show by itself: resurveyDays, until \d{4}-/));
    await page.goto(`${server.origin}/auto?nps-force=1`);
    await page.getByRole('dialog').waitFor();
  });

  it('stays away after a dismissal (dismissCooldownDays), in a new tab too', async () => {
    server.page('/auto', autoPage(''));
    await open(DESKTOP);
    await page.goto(`${server.origin}/auto`);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    const second = await context.newPage();
    await second.goto(`${server.origin}/auto`);
    await page.waitForTimeout(500);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    expect(await second.locator('[data-nps-widget]').count()).toBe(0);
  });

  it('asks only the sampled share of visitors, each drawn once', async () => {
    server.page('/sampled', autoPage('data-sample-rate="0.5"'));
    let shown = 0;
    for (let visitor = 0; visitor < 12; visitor += 1) {
      await context?.close();
      await open(DESKTOP);
      await page.goto(`${server.origin}/sampled`);
      const drawn = await draw();
      const first = await surveyShows(drawn);
      expect(first).toBe(drawn < 0.5 ? 1 : 0);
      await page.reload();
      // A visitor's draw holds across reloads: the same draw, shown both times or neither.
      expect(await draw()).toBe(drawn);
      expect(await surveyShows(drawn)).toBe(first);
      shown += first;
    }
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(12);
    // Twelve visitors with two page views each: more than the default per-test time on a busy machine.
  }, 120_000);
});

describe('living with the page', () => {
  it('keeps several surveys on one page apart', async () => {
    await open(DESKTOP);
    await page.evaluate(() => {
      const api = (window as unknown as { NpsWidget: { createNpsWidget(o: unknown): { show(s?: unknown): void } } }).NpsWidget;
      api.createNpsWidget({ endpoint: '/collect', surveyId: 'brand', show: 'manual', placement: 'bottom-left' }).show();
      api.createNpsWidget({ endpoint: '/collect', surveyId: 'checkout', show: 'manual', kind: 'enps', brand: 'Acme' }).show({ anchor: '#anchor' });
    });
    await expect.poll(() => page.locator('[data-nps-widget]').count()).toBe(2);
    const checkout = page.locator('[data-nps-widget="checkout"]');
    await checkout.getByRole('radio', { name: /^6\b/ }).click();
    const [delivery] = await server.waitForDeliveries(1);
    expect(delivery?.json).toMatchObject({ surveyId: 'checkout', kind: 'enps', score: 6 });
    // Answering one survey does not answer, close or block the other.
    expect(await page.locator('[data-nps-widget="brand"]').getByRole('radio', { name: /^6\b/ }).getAttribute('aria-checked')).toBe('false');
    const stored = await page.evaluate(() => Object.keys(localStorage).sort());
    expect(stored).toEqual(['nps-widget:history:brand', 'nps-widget:history:checkout', 'nps-widget:site']);
  });

  it('destroy() removes the host and every listener, timer and observer it added', async () => {
    ({ context, page } = await harness.open(DESKTOP));
    await page.addInitScript(() => {
      const live = new Set<string>();
      const ids = new WeakMap<object, number>();
      let next = 0;
      const id = (o: object) => ids.get(o) ?? (ids.set(o, ++next), next);
      const key = (target: object, type: string, fn: unknown) => `${target === window ? 'window' : 'document'}:${type}:${id(fn as object)}`;
      for (const target of [window, document] as EventTarget[]) {
        const add = target.addEventListener.bind(target);
        const remove = target.removeEventListener.bind(target);
        target.addEventListener = (type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
          if (fn) live.add(key(target, type, fn));
          add(type, fn, options);
        };
        target.removeEventListener = (type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
          if (fn) live.delete(key(target, type, fn));
          remove(type, fn, options);
        };
      }
      let observers = 0;
      for (const name of ['ResizeObserver', 'IntersectionObserver'] as const) {
        const Original = window[name] as unknown as { prototype: { observe(...a: unknown[]): void; disconnect(): void } };
        const observe = Original.prototype.observe;
        const disconnect = Original.prototype.disconnect;
        Original.prototype.observe = function (this: object, ...args: unknown[]) {
          if (!(this as { counted?: boolean }).counted) observers += 1;
          (this as { counted?: boolean }).counted = true;
          observe.apply(this, args);
        };
        Original.prototype.disconnect = function (this: object) {
          if ((this as { counted?: boolean }).counted) observers -= 1;
          (this as { counted?: boolean }).counted = false;
          disconnect.apply(this);
        };
      }
      const setT = window.setTimeout.bind(window);
      const clearT = window.clearTimeout.bind(window);
      const pending = new Set<unknown>();
      window.setTimeout = ((fn: () => void, ms?: number) => {
        const handle = setT(() => {
          pending.delete(handle);
          fn();
        }, ms);
        pending.add(handle);
        return handle;
      }) as typeof setTimeout;
      window.clearTimeout = ((handle: number) => {
        pending.delete(handle);
        clearT(handle);
      }) as typeof clearTimeout;
      (window as unknown as { probe: () => unknown }).probe = () => ({ listeners: [...live].sort(), observers, timers: pending.size });
    });
    await page.goto(`${server.origin}/placements`);
    type Probe = { listeners: string[]; observers: number; timers: number };
    const probe = () => page.evaluate(() => (window as unknown as { probe: () => Probe }).probe());
    const before = await probe();
    await page.evaluate(() => {
      const api = (window as unknown as { NpsWidget: { createNpsWidget(o: unknown): { show(s?: unknown): void; destroy(): void } } }).NpsWidget;
      const auto = api.createNpsWidget({ endpoint: '/collect', surveyId: 'auto', delaySeconds: 60, scrollPercent: 90, exitIntent: true });
      const anchored = api.createNpsWidget({ endpoint: '/collect', surveyId: 'anchored', show: 'manual' });
      anchored.show({ anchor: '#anchor', force: true });
      (window as unknown as { widgets: unknown[] }).widgets = [auto, anchored];
    });
    await page.locator('.panel').waitFor();
    await page.getByRole('radio', { name: /^10\b/ }).click();
    await server.waitForDeliveries(1);
    const during = await probe();
    expect(during.observers).toBeGreaterThan(0);
    expect(during.listeners.length).toBeGreaterThan(before.listeners.length);
    await page.evaluate(() => (window as unknown as { widgets: { destroy(): void }[] }).widgets.forEach((w) => w.destroy()));
    await page.waitForTimeout(300);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    expect(await probe()).toEqual(before);
  });
});
