import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNpsWidget, type NpsWidget } from '../../src/index.js';
import type { NpsResponse } from '../../src/core/payload.js';

let posts: NpsResponse[];
let fetchMock: ReturnType<typeof vi.fn>;
let widget: NpsWidget | undefined;

beforeEach(() => {
  localStorage.clear();
  posts = [];
  fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    posts.push(JSON.parse(String(init.body)) as NpsResponse);
    return new Response(null, { status: 201 });
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  widget?.destroy();
  widget = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const host = () => document.querySelector<HTMLElement>('[data-nps-widget]');
const shadow = () => host()?.shadowRoot ?? null;
const $ = <T extends Element = HTMLElement>(selector: string) => shadow()?.querySelector<T>(selector) ?? null;
const radios = () => [...(shadow()?.querySelectorAll<HTMLButtonElement>('[role="radio"]') ?? [])];
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** The survey loads behind an import(): resolves once it is on screen. */
const shown = () =>
  vi.waitFor(() => {
    if (!host()) throw new Error('the survey is not on screen yet');
  });
/** Time for a survey that should not show to have shown all the same. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

// The first import of the survey module transforms it; later shows find it loaded.
beforeAll(() => import('../../src/survey/index.js'));

async function open(options: Record<string, unknown> = {}, showOptions?: Parameters<NpsWidget['show']>[0]) {
  widget = createNpsWidget({ endpoint: 'https://collector.example/nps', show: 'manual', ...options });
  widget.show(showOptions);
  await shown();
}

function labelOf(element: Element | null): string {
  const id = element?.getAttribute('aria-labelledby') ?? '';
  return shadow()?.getElementById(id)?.textContent ?? '';
}

describe('the survey a respondent sees', () => {
  it('asks the question with the brand, offers 0-10 and labels the ends', async () => {
    await open({ brand: 'Acme' });
    expect(document.querySelectorAll('[data-nps-widget]')).toHaveLength(1);
    const dialog = $('[role="dialog"]');
    expect(labelOf(dialog)).toBe('How likely are you to recommend Acme to a friend or colleague?');
    expect(radios().map((r) => r.getAttribute('aria-label') ?? r.textContent)).toEqual([
      '0, Not at all likely',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10, Extremely likely',
    ]);
    expect(labelOf($('[role="radiogroup"]'))).toBe(labelOf(dialog));
    expect($('textarea')).toBeNull();
  });

  it('asks the employee question for eNPS', async () => {
    await open({ brand: 'Acme', kind: 'enps' });
    expect(labelOf($('[role="dialog"]'))).toBe('How likely are you to recommend Acme as a place to work?');
  });

  it('follows a score with the reason question, worded per category, keeping the typed reason', async () => {
    await open({ followUpDetractor: 'What should we fix?', followUpPromoter: 'What do you love?' });
    radios()[3]?.click();
    const label = () => $('label')?.textContent;
    expect(label()).toBe('What should we fix?');
    const textarea = $<HTMLTextAreaElement>('textarea')!;
    textarea.value = 'shipping';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    radios()[10]?.click();
    expect(label()).toBe('What do you love?');
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('shipping');
    expect(radios()[10]?.getAttribute('aria-checked')).toBe('true');
    expect(radios()[3]?.getAttribute('aria-checked')).toBe('false');
  });

  it('uses the default follow-up wording for every category', async () => {
    await open();
    radios()[7]?.click();
    expect($('label')?.textContent).toBe('What is the primary reason for your score?');
  });

  it('thanks the respondent and closes by itself', async () => {
    await open({ autoCloseSeconds: 2 });
    radios()[9]?.click();
    vi.useFakeTimers();
    $<HTMLFormElement>('form')?.requestSubmit();
    expect($('[role="status"]')?.textContent).toBe('Thank you! Your feedback helps us improve.');
    expect(radios()).toHaveLength(0);
    vi.advanceTimersByTime(1900);
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(200);
    expect(host()).toBeNull();
  });

  it('closes with the close button or Esc, and reports a dismissal', async () => {
    await open();
    const dismissed = vi.fn();
    widget!.on('dismiss', dismissed);
    const close = $<HTMLButtonElement>('button.close')!;
    expect(close.getAttribute('aria-label')).toBe('Close');
    close.click();
    expect(host()).toBeNull();
    expect(dismissed).toHaveBeenCalledWith({ surveyId: 'nps', response: null });

    widget!.show({ force: true }); // a dismissal otherwise keeps the survey away for 30 days
    await shown();
    radios()[2]?.click();
    radios()[2]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host()).toBeNull();
    expect(dismissed.mock.calls[1]?.[0].response).toMatchObject({ score: 2, complete: false });
  });

  it('limits the reason to commentMaxLength, in the box and in the payload', async () => {
    await open({ commentMaxLength: 10 });
    radios()[8]?.click();
    await flush();
    const textarea = $<HTMLTextAreaElement>('textarea')!;
    expect(textarea.maxLength).toBe(10);
    textarea.value = 'x'.repeat(50); // a script can put in what a person cannot type
    // Dispatched directly: requestSubmit() would stop at the box's own length check first.
    $<HTMLFormElement>('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(posts.at(-1)?.comment).toBe('x'.repeat(10));
  });

  it('renders every text option as text, never as HTML', async () => {
    await open({ brand: '<img src=x onerror="window.pwned=1">' });
    expect(labelOf($('[role="dialog"]'))).toContain('<img src=x onerror="window.pwned=1">');
    expect(shadow()?.querySelector('img')).toBeNull();
  });
});

const key = (k: string) => {
  const focused = (shadow()?.activeElement ?? radios()[0]) as HTMLElement;
  focused.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
};
const checked = () => radios().findIndex((r) => r.getAttribute('aria-checked') === 'true');
const tabStops = () =>
  radios()
    .filter((r) => r.tabIndex === 0)
    .map((r) => r.textContent);

describe('keyboard use of the 0-10 radio group', () => {
  it('has one tab stop that follows the selection', async () => {
    await open();
    expect(tabStops()).toEqual(['0']);
    radios()[6]?.click();
    expect(tabStops()).toEqual(['6']);
  });

  it('moves and selects with arrows, jumps with Home and End, wraps around', async () => {
    await open();
    radios()[0]?.focus();
    expect(checked()).toBe(-1);
    key('ArrowRight');
    expect(checked()).toBe(1);
    key('ArrowDown');
    expect(checked()).toBe(2);
    expect(shadow()?.activeElement).toBe(radios()[2]);
    key('ArrowLeft');
    key('ArrowUp');
    expect(checked()).toBe(0);
    key('ArrowLeft');
    expect(checked()).toBe(10);
    key('Home');
    expect(checked()).toBe(0);
    key('End');
    expect(checked()).toBe(10);
  });

  it('keeps arrow keys from scrolling the page', async () => {
    await open();
    const event = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
    radios()[0]?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('delivery and events', () => {
  it('posts the score at once and the submission with the same id', async () => {
    const onScore = vi.fn();
    const onSubmit = vi.fn();
    await open({ brand: 'Acme', metadata: { plan: 'pro' }, user: { id: 'u1' } }, { touchpoint: 'checkout', metadata: { orderId: 'A-1' } });
    widget!.on('score', onScore);
    widget!.on('submit', onSubmit);
    radios()[9]?.click();
    await flush();
    const textarea = $<HTMLTextAreaElement>('textarea')!;
    textarea.value = '  Fast delivery  ';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    $<HTMLFormElement>('form')?.requestSubmit();
    await flush();

    expect(fetchMock).toHaveBeenCalledTimes(2);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('https://collector.example/nps');
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit' });
    // The content type the request carries, as fetch makes it from the init (a string body's own).
    expect(new Request(url, init).headers.get('Content-Type')).toBe('text/plain;charset=UTF-8');
    const [first, second] = posts;
    expect(first).toMatchObject({
      schemaVersion: 1,
      surveyId: 'nps',
      kind: 'nps',
      score: 9,
      category: 'promoter',
      comment: null,
      complete: false,
      surveyType: 'transactional',
      touchpoint: 'checkout',
      user: { id: 'u1' },
      metadata: { plan: 'pro', orderId: 'A-1' },
      locale: 'en',
    });
    expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatchObject({ id: first?.id, complete: true, comment: 'Fast delivery', score: 9, createdAt: first?.createdAt });
    expect(onScore.mock.calls[0]?.[0]).toMatchObject({ id: first?.id, score: 9, complete: false });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ id: first?.id, complete: true, comment: 'Fast delivery' });
  });

  it('is a relationship survey without a touchpoint, and leaves the query string out of pageUrl', async () => {
    await open();
    radios()[5]?.click();
    await flush();
    expect(posts[0]).toMatchObject({ surveyType: 'relationship', touchpoint: null, category: 'detractor' });
    expect(posts[0]?.pageUrl).toBe(`${location.origin}${location.pathname}`);
  });

  it('keeps eNPS anonymous: no user and no pageUrl, with one note, unless the site says anonymous: false', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await open({ kind: 'enps', surveyId: 'team-pulse', user: { id: 'e-17', team: 'Legal' } });
    widget!.identify({ id: 'e-17', team: 'Legal' });
    radios()[4]?.click();
    await flush();
    expect(posts[0]).toMatchObject({ kind: 'enps', user: null, pageUrl: null });
    expect(info.mock.calls.filter(([line]) => String(line).includes('"team-pulse" is anonymous: no user or pageUrl is sent'))).toHaveLength(1);
    widget!.destroy();

    posts.length = 0;
    await open({ kind: 'enps', surveyId: 'named-pulse', anonymous: false, user: { id: 'e-17' } });
    radios()[4]?.click();
    await flush();
    expect(posts[0]).toMatchObject({ kind: 'enps', user: { id: 'e-17' }, pageUrl: `${location.origin}${location.pathname}` });
    widget!.destroy();

    // Any survey can ask for it; NPS does not by default (the first test above sends the user).
    posts.length = 0;
    await open({ anonymous: true, user: { id: 'u1' } });
    radios()[9]?.click();
    await flush();
    expect(posts[0]).toMatchObject({ kind: 'nps', user: null, pageUrl: null });
  });

  it('refuses an anonymous option that is not a boolean, naming it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    widget = createNpsWidget({ endpoint: 'https://collector.example/nps', show: 'manual', kind: 'enps', anonymous: 'yes' } as never);
    widget.show();
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    expect(host()).toBeNull();
    expect(error.mock.calls.map(([line]) => String(line)).join('\n')).toContain('option "anonymous" is "yes"; allowed: true or false');
  });

  it('retries a failed delivery and reports a permanent failure through "error"', async () => {
    vi.useFakeTimers();
    const statuses = [503, 201, 404];
    fetchMock.mockImplementation(async () => new Response(null, { status: statuses.shift() ?? 201 }));
    const errors: Error[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    widget = createNpsWidget({ endpoint: '/api/nps', show: 'manual' });
    widget.on('error', (error) => errors.push(error));
    widget.show();
    await shown();
    radios()[8]?.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    $<HTMLFormElement>('form')?.requestSubmit();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/was not delivered to \/api\/nps: the endpoint answered HTTP 404/);
    expect(consoleError).toHaveBeenCalledTimes(1);
  });

  it('sends the first score at once and only the last of quick changes', async () => {
    vi.useFakeTimers();
    widget = createNpsWidget({ endpoint: '/api/nps', show: 'manual' });
    widget.show();
    await shown();
    radios()[1]?.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(posts.map((p) => p.score)).toEqual([1]);
    for (const n of [2, 3, 4, 5]) radios()[n]?.click();
    await vi.advanceTimersByTimeAsync(399);
    expect(posts.map((p) => p.score)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(posts.map((p) => p.score)).toEqual([1, 5]);
  });

  it('sends a waiting change at once when the page goes away', async () => {
    vi.useFakeTimers();
    widget = createNpsWidget({ endpoint: '/api/nps', show: 'manual' });
    widget.show();
    await shown();
    radios()[6]?.click();
    await vi.advanceTimersByTimeAsync(0);
    const id = posts.at(-1)?.id;
    radios()[8]?.click();
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    // Earlier tests' widgets may flush what they still owed too; only this response matters here.
    expect(posts.filter((p) => p.id === id).map((p) => p.score)).toEqual([6, 8]);
  });

  it('keeps working when an event handler throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await open();
    widget!.on('score', () => {
      throw new Error('handler bug');
    });
    expect(() => radios()[4]?.click()).not.toThrow();
    await flush();
    expect(posts).toHaveLength(1);
    expect($('textarea')).not.toBeNull();
  });

  it('returns an unsubscribe function from on()', async () => {
    await open();
    const handler = vi.fn();
    const off = widget!.on('score', handler);
    off();
    radios()[4]?.click();
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('legacy scales', () => {
  it("offers the scale's choices, names its ends and records scale and category", async () => {
    await open({ scale: '1-5' });
    expect(radios().map((r) => r.textContent)).toEqual(['1', '2', '3', '4', '5']);
    expect(radios()[0]?.getAttribute('aria-label')).toBe('1, Not at all likely');
    expect(radios()[4]?.getAttribute('aria-label')).toBe('5, Extremely likely');
    expect(radios()[0]?.tabIndex).toBe(0);
    radios()[3]?.click();
    await flush();
    expect(posts[0]).toMatchObject({ scale: '1-5', score: 4, category: 'passive' });
  });

  it('moves over the scale with the keyboard, End on its highest score', async () => {
    await open({ scale: '1-7', promoterMin: 7, passiveMin: 6 });
    const group = $('[role="radiogroup"]')!;
    radios()[0]?.focus();
    radios()[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await flush();
    expect(radios()[6]?.getAttribute('aria-checked')).toBe('true');
    expect(group.contains(shadow()?.activeElement ?? null)).toBe(true);
    radios()[6]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await flush();
    expect(radios()[0]?.getAttribute('aria-checked')).toBe('true');
    expect(posts.at(-1)).toMatchObject({ scale: '1-7' });
  });

  it('sends 0-10 as its scale by default', async () => {
    await open();
    radios()[10]?.click();
    await flush();
    expect(posts[0]).toMatchObject({ scale: '0-10', score: 10, category: 'promoter' });
  });
});

/** Chooses the score at `index` and submits the reason box as it is (once the survey, which waits for the extras, is up). */
async function submitScore(index: number) {
  await vi.waitFor(() => expect(radios().length).toBeGreaterThan(0));
  radios()[index]?.click();
  await flush();
  $<HTMLFormElement>('form')?.requestSubmit();
  await flush();
}

describe('closing the loop', () => {
  it('asks for consent after the reason, with nothing chosen, and sends the answer with the same id', async () => {
    const onConsent = vi.fn();
    await open({ askConsent: true, autoCloseSeconds: 1 });
    widget!.on('consent', onConsent);
    await submitScore(3);
    const group = $('[role="group"]');
    expect(labelOf(group)).toBe('May we contact you about your answer?');
    const answers = [...(group?.querySelectorAll('button') ?? [])];
    expect(answers.map((b) => b.textContent)).toEqual(['Yes', 'No']);
    expect(answers.some((b) => b.getAttribute('aria-pressed') === 'true' || b.getAttribute('aria-checked') === 'true')).toBe(false);
    expect(posts.at(-1)).toMatchObject({ complete: true });
    expect(posts.at(-1)).not.toHaveProperty('consentToContact');
    expect($('[role="status"]')?.textContent).toBe('');
    vi.useFakeTimers();
    answers[0]?.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(posts.at(-1)).toMatchObject({ id: posts[0]?.id, complete: true, consentToContact: true });
    expect(onConsent.mock.calls[0]?.[0]).toMatchObject({ id: posts[0]?.id, consentToContact: true });
    expect($('[role="status"]')?.textContent).toBe('Thank you! Your feedback helps us improve.');
    await vi.advanceTimersByTimeAsync(1100);
    expect(host()).toBeNull();
  });

  it('leaves consent out when the respondent closes at the question, and records no dismissal', async () => {
    const onDismiss = vi.fn();
    await open({ askConsent: true });
    widget!.on('dismiss', onDismiss);
    await submitScore(9);
    $<HTMLButtonElement>('.close')?.click();
    await flush();
    expect(host()).toBeNull();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(posts.every((p) => !('consentToContact' in p))).toBe(true);
  });

  it('has no consent step unless asked', async () => {
    await open();
    await submitScore(2);
    expect($('[role="group"]')).toBeNull();
    expect($('[role="status"]')?.textContent).toBe('Thank you! Your feedback helps us improve.');
  });

  it('shows the thank-you link to promoters only, with the score only where the site asks', async () => {
    await open({ promoterLink: 'https://reviews.example/acme?stars={score}', promoterLinkText: 'Review us', autoCloseSeconds: 0.05 });
    await submitScore(10);
    const link = $<HTMLAnchorElement>('a');
    expect(link?.getAttribute('href')).toBe('https://reviews.example/acme?stars=10');
    expect(link?.textContent).toBe('Review us (opens in a new tab)');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toBe('noopener');
    // The link stays until the promoter closes the survey: closing by itself would take it away.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(host()).not.toBeNull();
    widget!.destroy();

    // Forced past the rules: the visitor has just answered.
    await open({ promoterLink: '/review' }, { force: true });
    await submitScore(8);
    expect($('[role="status"]')?.textContent).not.toBe('');
    expect($('a')).toBeNull();
    widget!.destroy();

    await open({ promoterLink: '/review' }, { force: true });
    await submitScore(9);
    expect($<HTMLAnchorElement>('a')?.getAttribute('href')).toBe('/review');
  });

  it("decides promoters by the scale's thresholds", async () => {
    await open({ scale: '1-5', promoterLink: '/review?s={score}' });
    await submitScore(4);
    expect($<HTMLAnchorElement>('a')?.getAttribute('href')).toBe('/review?s=5');
  });
});

describe('bad input never breaks the page', () => {
  it('logs one error naming the option, the value and what is allowed, and does not show', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    widget = createNpsWidget({ endpoint: '/api/nps', kind: 'csat' as 'nps', show: 'auto' });
    widget.show();
    await settled();
    expect(host()).toBeNull();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toBe('nps-widget: invalid options, the survey will not show: option "kind" is "csat"; allowed: "nps" or "enps".');
  });

  it('warns about an unknown option and still works', async () => {
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await open({ colour: 'red' });
    expect(consoleWarn).toHaveBeenCalledWith('nps-widget: unknown option "colour" is ignored.');
    expect(host()).not.toBeNull();
  });

  it('ignores bad show options with one error and survives nonsense calls', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    widget = createNpsWidget({ endpoint: '/api/nps', show: 'manual' });
    widget.show({ anchor: 42 as unknown as string });
    await settled();
    expect(host()).toBeNull();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(() => {
      widget!.on('nonsense' as 'show', () => {});
      widget!.identify('bob' as unknown as null);
      widget!.hide();
    }).not.toThrow();
  });

  it('shows in the corner when the anchor is missing', async () => {
    await open({}, { anchor: '#does-not-exist' });
    expect($('.panel')?.classList.contains('anchored')).toBe(false);
  });

  it('appears by itself with show "auto" and only once', async () => {
    widget = createNpsWidget({ endpoint: '/api/nps' });
    widget.show();
    await shown();
    await settled();
    expect(document.querySelectorAll('[data-nps-widget]')).toHaveLength(1);
  });

  it('removes everything on destroy and ignores later calls', async () => {
    await open();
    widget!.destroy();
    widget!.show();
    await settled();
    expect(host()).toBeNull();
  });
});

describe('styles', () => {
  it('adopts a constructed stylesheet and adds nothing to the page head', async () => {
    const before = document.head.innerHTML;
    await open();
    expect(shadow()?.adoptedStyleSheets.length).toBe(1);
    expect(document.head.innerHTML).toBe(before);
  });

  it('falls back to a <style> carrying the nonce where stylesheets cannot be constructed', async () => {
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementationOnce(() => {
      throw new Error('not supported here');
    });
    await open({ nonce: 'abc123' });
    const style = shadow()?.querySelector('style');
    expect(style?.getAttribute('nonce')).toBe('abc123');
    expect(style?.textContent).toContain('.panel');
  });
});
