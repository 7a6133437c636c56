import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CommandQueue, createCommandQueue as createQueue, drain } from '../../src/commands.js';
import { createNpsWidget } from '../../src/index.js';

const queues: CommandQueue[] = [];
const createCommandQueue = () => {
  const queue = createQueue(createNpsWidget);
  queues.push(queue);
  return queue;
};

const hosts = () => document.querySelectorAll('[data-nps-widget]');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
});

afterEach(() => {
  for (const queue of queues.splice(0)) queue('destroy');
  window.nps?.('destroy');
  delete window.nps;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** What the async snippet of contract section 3 leaves behind before the script loads. */
function snippetQueue(...commands: unknown[][]) {
  const stub = function (...args: unknown[]) {
    (stub.q = stub.q ?? []).push(args);
  } as ((...args: unknown[]) => void) & { q?: unknown[][] };
  for (const command of commands) stub(...command);
  return stub;
}

describe('command queue', () => {
  it('runs queued commands in order once the script loads', async () => {
    const shown = vi.fn();
    const queue = createCommandQueue();
    drain(queue, snippetQueue(['on', 'show', shown], ['init', { endpoint: '/api/nps', show: 'manual' }], ['show', { touchpoint: 'checkout' }]).q);
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(shown).toHaveBeenCalledWith({ surveyId: 'nps', surveyType: 'transactional', touchpoint: 'checkout' });
  });

  it('runs later commands at once', async () => {
    const queue = createCommandQueue();
    queue('init', { endpoint: '/api/nps', show: 'manual' });
    queue('show');
    await flush();
    expect(hosts()).toHaveLength(1);
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
    await flush();
    queue('init', { endpoint: '/b', surveyId: 'second', show: 'manual' });
    queue('show');
    await flush();
    expect([...hosts()].map((h) => h.getAttribute('data-nps-widget'))).toEqual(['second']);
  });
});

describe('script-tag entry', () => {
  it('takes over window.nps, drains the snippet queue and exposes the API', async () => {
    vi.resetModules();
    window.nps = snippetQueue(['init', { endpoint: '/api/nps', show: 'manual' }], ['show']) as typeof window.nps;
    const api = await import('../../src/embed.js');
    await flush();
    expect(window.nps?.loaded).toBe(true);
    expect(hosts()).toHaveLength(1);
    expect(typeof api.createNpsWidget).toBe('function');
    expect(api.calculateNps([9, 10, 0]).rounded).toBe(33);
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
