import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNpsWidget, type NpsWidget } from '../../src/index.js';
import type { NpsResponse } from '../../src/core/payload.js';

let widget: NpsWidget | undefined;
let posts: NpsResponse[];

beforeEach(() => {
  localStorage.clear();
  posts = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      posts.push(JSON.parse(String(init.body)) as NpsResponse);
      return new Response(null, { status: 201 });
    }),
  );
});
afterEach(() => {
  widget?.destroy();
  widget = undefined;
  document.documentElement.removeAttribute('lang');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const shadow = () => document.querySelector('[data-nps-widget]')?.shadowRoot ?? null;
const $ = (selector: string) => shadow()?.querySelector<HTMLElement>(selector) ?? null;
const radios = () => [...(shadow()?.querySelectorAll<HTMLButtonElement>('[role="radio"]') ?? [])];
const question = () => $('#nps-question')?.textContent;

async function open(options: Record<string, unknown>) {
  widget = createNpsWidget({ endpoint: '/api/nps', show: 'manual', brand: 'Acme', ...options });
  widget.show();
  await vi.waitFor(() => expect(shadow()).not.toBeNull());
}

describe('languages in the widget', () => {
  it('asks in Finnish when told to, and reports the locale in the payload', async () => {
    await open({ locale: 'fi-FI' });
    expect(question()).toBe('Kuinka todennäköisesti suosittelisit yritystä Acme ystävällesi tai kollegallesi?');
    expect($('.survey')?.getAttribute('lang')).toBe('fi');
    expect(radios()[0]?.getAttribute('aria-label')).toBe('0, Erittäin epätodennäköisesti');
    expect($('button.close')?.getAttribute('aria-label')).toBe('Sulje');
    radios()[9]?.click();
    await vi.waitFor(() => expect(posts).toHaveLength(1), { timeout: 10_000 });
    expect(posts[0]?.locale).toBe('fi');
  });

  it("follows the page's <html lang> when no locale is set", async () => {
    document.documentElement.lang = 'hu';
    await open({});
    expect($('.survey')?.getAttribute('lang')).toBe('hu');
    expect($('button.close')?.getAttribute('aria-label')).not.toBe('Close');
  });

  it('writes numbers as the language does (CLDR): Persian digits for Persian', async () => {
    await open({ locale: 'fa' });
    expect(radios().map((r) => r.textContent)).toEqual(['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹', '۱۰']);
    expect(radios()[0]?.getAttribute('aria-label')?.startsWith('۰')).toBe(true);
  });

  it('mirrors Arabic: right to left, arrow keys swapped', async () => {
    await open({ locale: 'ar' });
    expect($('.survey')?.getAttribute('dir')).toBe('rtl');
    radios()[0]?.focus();
    radios()[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
    expect(radios()[1]?.getAttribute('aria-checked')).toBe('true');
    radios()[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    expect(radios()[0]?.getAttribute('aria-checked')).toBe('true');
  });

  it("uses the site's wording for a locale over the built-in one", async () => {
    await open({ locale: 'de', strings: { de: { thankYou: 'Danke schön!' } } });
    radios()[10]?.click();
    shadow()?.querySelector('form')?.requestSubmit();
    expect($('[role="status"]')?.textContent).toBe('Danke schön!');
  });

  it('falls back to English, with a warning, when a locale cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await open({ locale: 'fi', localesUrl: 'https://127.0.0.1:9/nowhere/' });
    expect(question()).toBe('How likely are you to recommend Acme to a friend or colleague?');
    expect(warn.mock.calls[0]?.[0]).toMatch(/^nps-widget: could not load the "fi" wording \(.+\); showing English\.$/);
  });
});

describe('accessibility in the widget', () => {
  it('tells screen readers politely that a survey appeared, a moment after it mounts', async () => {
    await open({});
    const region = $('[aria-live="polite"]');
    expect(region?.textContent).toBe('');
    await vi.waitFor(() =>
      expect(region?.textContent).toBe(
        'A one-question survey has opened at the end of the page: How likely are you to recommend Acme to a friend or colleague?',
      ),
    );
    expect(shadow()?.querySelectorAll('[role="status"]')).toHaveLength(1);
  });

  it('does not announce the modal, which takes focus instead', async () => {
    await open({ placement: 'modal' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect($('[aria-live="polite"]')?.textContent).toBe('');
    expect(shadow()?.activeElement?.getAttribute('role')).toBe('radio');
  });

  it('applies the theme and the accent colour, with a text colour that reads on it', async () => {
    await open({ theme: 'dark', accentColor: '#ffd600' });
    expect($('.survey')?.className).toBe('survey dark');
    const host = document.querySelector<HTMLElement>('[data-nps-widget]');
    expect(host?.style.getPropertyValue('--nps-accent')).toBe('#ffd600');
    expect(host?.style.getPropertyValue('--nps-accent-text')).toBe('#111318');
  });

  it('warns once about an accent colour that fails contrast', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await open({ accentColor: '#ffe680' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      'nps-widget: accentColor #ffe680: against the light background it reaches only 1.2:1 (3:1 needed for the selected choice); ' +
        'consider a darker or lighter accent.',
    );
  });
});
