import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { scrolledPercent, whenTriggered } from '../../src/dom/triggers.js';
import { createNpsWidget, type NpsWidget } from '../../src/index.js';

describe('scrolledPercent', () => {
  it('measures the bottom of the viewport against the page', () => {
    expect(scrolledPercent(0, 800, 4000)).toBe(20);
    expect(scrolledPercent(1200, 800, 4000)).toBe(50);
    expect(scrolledPercent(3200, 800, 4000)).toBe(100);
    expect(scrolledPercent(0, 800, 600)).toBe(100);
  });
});

describe('whenTriggered', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires after the delay when no other trigger is set', () => {
    const fire = vi.fn();
    whenTriggered({ delayMs: 5000, scrollPercent: null, exitIntent: false }, fire);
    vi.advanceTimersByTime(4999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('waits for the scroll signal as well as the delay', () => {
    const fire = vi.fn();
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 10_000 });
    whenTriggered({ delayMs: 1000, scrollPercent: 50, exitIntent: false }, fire);
    vi.advanceTimersByTime(2000);
    expect(fire).not.toHaveBeenCalled();
    window.scrollY = 6000;
    window.dispatchEvent(new Event('scroll'));
    expect(fire).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('scroll'));
    expect(fire).toHaveBeenCalledTimes(1);
    window.scrollY = 0;
  });

  it('stops watching when told', () => {
    const fire = vi.fn();
    whenTriggered({ delayMs: 1000, scrollPercent: null, exitIntent: false }, fire)();
    vi.advanceTimersByTime(5000);
    expect(fire).not.toHaveBeenCalled();
  });
});

const hosts = () => document.querySelectorAll('[data-nps-widget]').length;
const flush = () => vi.advanceTimersByTimeAsync(0);
/** The survey loads behind an import(): resolves once it is on screen. */
const shown = () => vi.waitFor(() => expect(hosts()).toBe(1));

// The first import of the survey module transforms it; later shows find it loaded.
beforeAll(() => import('../../src/survey/index.js'));

describe('who is asked, in the widget', () => {
  let widget: NpsWidget | undefined;

  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 201 })),
    );
  });
  afterEach(() => {
    widget?.destroy();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    history.replaceState(null, '', '/');
  });

  it('shows by itself after delaySeconds', async () => {
    widget = createNpsWidget({ endpoint: '/api/nps', delaySeconds: 3 });
    await vi.advanceTimersByTimeAsync(2900);
    expect(hosts()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    await shown();
  });

  it('does not ask again after an answer, even on a later page, unless forced', async () => {
    widget = createNpsWidget({ endpoint: '/api/nps', show: 'manual' });
    widget.show();
    await shown();
    document.querySelector('[data-nps-widget]')?.shadowRoot?.querySelector<HTMLElement>('[role="radio"]')?.click();
    widget.destroy();

    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    widget = createNpsWidget({ endpoint: '/api/nps', show: 'manual', debug: true });
    widget.show();
    await flush();
    expect(hosts()).toBe(0);
    // The debug log's words come with the extras.
    await vi.waitFor(() =>
      expect(info.mock.calls.map((c) => c[0])).toContainEqual(expect.stringMatching(/^nps-widget: \[nps\] not shown: resurveyDays, until \d{4}-\d\d-\d\dT/)),
    );
    widget.show({ force: true });
    await shown();
  });

  it('skips the rules and the delay with ?nps-force=1', async () => {
    localStorage.setItem('nps-widget:history:nps', JSON.stringify({ draw: 0.99, asks: 0, lastAskedAt: null, lastRespondedAt: null, lastDismissedAt: null }));
    history.replaceState(null, '', '/?nps-force=1');
    widget = createNpsWidget({ endpoint: '/api/nps', sampleRate: 0.1, delaySeconds: 60 });
    await flush();
    await shown();
  });

  it('stops its triggers on destroy', async () => {
    widget = createNpsWidget({ endpoint: '/api/nps', delaySeconds: 3 });
    await flush();
    widget.destroy();
    await vi.advanceTimersByTimeAsync(5000);
    expect(hosts()).toBe(0);
  });

  it("needs a container for the inline placement (checked with the survey's options, as the survey loads)", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    widget = createNpsWidget({ endpoint: '/api/nps', placement: 'inline' });
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1));
    expect(error.mock.calls[0]?.[0]).toContain('option "container" is missing; placement "inline" needs an Element or a CSS selector');
    expect(hosts()).toBe(0);
  });
});
