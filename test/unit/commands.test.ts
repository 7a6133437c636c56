import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CommandQueue, createCommandQueue as createQueue, drain } from '../../src/loader/commands.js';
import { createNpsWidget } from '../../src/index.js';

const queues: CommandQueue[] = [];
const createCommandQueue = () => {
  const queue = createQueue(createNpsWidget);
  queues.push(queue);
  return queue;
};

const hosts = () => document.querySelectorAll('[data-nps-widget]');
/** The survey loads behind an import(): resolves once `count` surveys are on screen. */
const shown = (count = 1) => vi.waitFor(() => expect(hosts()).toHaveLength(count));

// The first import of the survey module transforms it; later shows find it loaded.
beforeAll(() => import('../../src/survey/index.js'));

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(null, { status: 204 })),
  );
});

afterEach(() => {
  for (const queue of queues.splice(0)) queue('destroy');
  window.nps?.('destroy');
  delete window.nps;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** What the async snippet of docs/api.md leaves behind before the script loads. */
function snippetQueue(...commands: unknown[][]) {
  const stub = function (...args: unknown[]) {
    (stub.q = stub.q ?? []).push(args);
  } as ((...args: unknown[]) => void) & { q?: unknown[][] };
  for (const command of commands) stub(...command);
  return stub;
}

describe('command queue', () => {
  it('runs queued commands in order once the script loads', async () => {
    const onShow = vi.fn();
    const queue = createCommandQueue();
    drain(queue, snippetQueue(['on', 'show', onShow], ['init', { endpoint: '/api/nps', show: 'manual' }], ['show', { touchpoint: 'checkout' }]).q);
    await shown();
    expect(onShow).toHaveBeenCalledWith({ surveyId: 'nps', surveyType: 'transactional', touchpoint: 'checkout' });
  });

  it('runs later commands at once', async () => {
    const queue = createCommandQueue();
    queue('init', { endpoint: '/api/nps', show: 'manual' });
    queue('show');
    await shown();
    queue('hide');
    expect(hosts()).toHaveLength(0);
  });

  it('names an unknown command and a command before init, without throwing', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const queue = createCommandQueue();
    expect(() => {
      queue('open');
      queue('show');
    }).not.toThrow();
    expect(consoleError.mock.calls.map((c) => c[0])).toEqual([
      'nps-widget: unknown command "open"; allowed: init, show, hide, destroy, identify, on.',
      "nps-widget: nps('show') needs nps('init', { endpoint }) first.",
    ]);
  });

  it('lets a second init replace the first widget', async () => {
    const queue = createCommandQueue();
    queue('init', { endpoint: '/a', show: 'manual' });
    queue('show');
    await shown();
    queue('init', { endpoint: '/b', surveyId: 'second', show: 'manual' });
    queue('show');
    await shown();
    expect([...hosts()].map((h) => h.getAttribute('data-nps-widget'))).toEqual(['second']);
  });
});

describe('script-tag entries', () => {
  it('take over window.nps, drain the snippet queue and expose the API (the single file)', async () => {
    vi.resetModules();
    window.nps = snippetQueue(['init', { endpoint: '/api/nps', show: 'manual' }], ['show']) as typeof window.nps;
    const api = await import('../../src/embed-full.js');
    expect(window.nps?.loaded).toBe(true);
    await shown();
    // The global NpsWidget of the script files: the package's createNpsWidget, calculateNps and compareNps.
    expect(Object.keys(api).sort()).toEqual(['calculateNps', 'compareNps', 'createNpsWidget']);
  });

  it('say which file they could not load, once, and show nothing (the loader without its own URL)', async () => {
    vi.resetModules();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const errors: Error[] = [];
    window.nps = snippetQueue(
      ['on', 'error', (error: Error) => errors.push(error)],
      ['init', { endpoint: '/api/nps', show: 'manual' }],
      ['show'],
    ) as typeof window.nps;
    await import('../../src/embed.js');
    await vi.waitFor(() => expect(consoleError).toHaveBeenCalledTimes(1));
    // happy-dom has no document.currentScript: as for a copy of the script inlined into a page.
    expect(consoleError.mock.calls[0]?.[0]).toBe(
      "nps-widget: could not load nps-widget-survey.js (the script's own URL is unknown: use nps-widget.full.js); the survey will not show.",
    );
    expect(errors.map((e) => e.message)).toEqual([consoleError.mock.calls[0]?.[0]]);
    expect(hosts()).toHaveLength(0);
  });

  it('does nothing more when the script is loaded twice', async () => {
    vi.resetModules();
    await import('../../src/embed.js');
    const first = window.nps;
    vi.resetModules();
    await import('../../src/embed.js');
    expect(window.nps).toBe(first);
  });
});
