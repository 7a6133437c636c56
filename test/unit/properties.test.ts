/**
 * Property-based tests: for any input, the product either works or fails in the documented
 * way (one console error naming the problem, a RangeError/TypeError from the calculator, a
 * reason from the validator); nothing ever throws into the page.
 */
import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calculateNps, compareNps, createNpsWidget, validateResponse } from '../../src/index.js';
import { parseOptions } from '../../src/core/all-options.js';
import { parseLoaderOptions, parseShowOptions } from '../../src/core/options.js';

const RUNS = { numRuns: 300 };
const BASE = 'https://shop.example/';

/** Anything a page might pass: JSON-like values, plus the odd function, symbol-free. */
const anything = fc.oneof(fc.anything(), fc.func(fc.anything()), fc.constant(undefined), fc.constant(null));

/** Options objects near the real ones: real names with arbitrary values, and strays. */
const optionsLike = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'endpoint',
      'brand',
      'kind',
      'show',
      'placement',
      'container',
      'sampleRate',
      'metadata',
      'user',
      'locale',
      'strings',
      'theme',
      'accentColor',
      'pageUrl',
      'zIndex',
      'question',
    ),
    fc.string(),
  ),
  anything,
);

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(null, { status: 201 })),
  );
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  document.querySelectorAll('[data-nps-widget]').forEach((host) => host.remove());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('options, for any input', () => {
  it('parse to a config or to errors that name the option and what is allowed', () => {
    fc.assert(
      fc.property(fc.oneof(anything, optionsLike), (input) => {
        const parsed = parseOptions(input, BASE);
        if (parsed.value) expect(parsed.errors).toEqual([]);
        else expect(parsed.errors.length).toBeGreaterThan(0);
        for (const error of parsed.errors) expect(error).toMatch(/^(option "[^"]*" is .+; (allowed: |placement)|options must be an object)/);
      }),
      RUNS,
    );
  });

  it('never make createNpsWidget or its methods throw; bad ones log one error, as created or as the survey loads', async () => {
    await fc.assert(
      fc.asyncProperty(optionsLike, anything, anything, async (options, showOptions, user) => {
        const error = vi.mocked(console.error);
        error.mockClear();
        const widget = createNpsWidget(options as never);
        // Who is asked, when and where answers go: checked on every page, as the widget is created.
        const loaderValid = parseLoaderOptions(options, location.href).value !== null;
        expect(error).toHaveBeenCalledTimes(loaderValid ? 0 : 1);
        if (loaderValid) {
          // The survey's own options (wording, looks, payload): checked when the survey file loads.
          const settled = new Promise<void>((resolve) => {
            widget.on('show', () => resolve());
            error.mockImplementation(() => resolve());
            setTimeout(resolve, 1000);
          });
          widget.show({ force: true });
          await settled;
        }
        const valid = parseOptions(options, location.href).value !== null;
        const refusals = error.mock.calls.filter(([message]) => String(message).includes('invalid options'));
        expect(refusals).toHaveLength(valid ? 0 : 1);
        expect(() => {
          widget.show(showOptions as never);
          widget.identify(user as never);
          widget.on('submit', () => {})();
          widget.hide();
          widget.destroy();
        }).not.toThrow();
      }),
      // Valid for the loader, refused by the survey: the error comes as the survey loads.
      { numRuns: 150, examples: [[{ endpoint: '!', kind: null }, undefined, undefined]] },
    );
  });

  it('show options parse or name what is wrong', () => {
    fc.assert(
      fc.property(anything, (input) => {
        const parsed = parseShowOptions(input);
        expect(parsed.value === null).toBe(parsed.errors.length > 0);
      }),
      RUNS,
    );
  });
});

describe('the calculator, for any input', () => {
  it('gives a consistent result for any list of valid scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 500 }), (scores) => {
        const r = calculateNps(scores);
        expect(r.total).toBe(scores.length);
        expect(r.promoters + r.passives + r.detractors).toBe(r.total);
        if (r.total === 0) {
          expect(r.nps).toBeNull();
          return;
        }
        expect(r.nps).toBeGreaterThanOrEqual(-100);
        expect(r.nps).toBeLessThanOrEqual(100);
        expect(Number.isInteger(r.rounded)).toBe(true);
        expect(Object.is(r.rounded, -0)).toBe(false);
        expect(Math.abs((r.rounded ?? 0) - (r.nps ?? 0))).toBeLessThanOrEqual(0.5);
        expect(r.interval?.[0]).toBeLessThanOrEqual(r.interval?.[1] ?? 0);
        expect(calculateNps({ counts: r.distribution ?? [] }).nps).toBe(r.nps);
      }),
      RUNS,
    );
  });

  it('rounds half away from zero, symmetric in sign', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.nat(200), (promoters, passives, detractors) => {
        fc.pre(promoters + passives + detractors > 0);
        const a = calculateNps({ promoters, passives, detractors });
        const b = calculateNps({ promoters: detractors, passives, detractors: promoters });
        expect(b.rounded).toBe(a.rounded === 0 ? 0 : -(a.rounded ?? 0));
      }),
      RUNS,
    );
  });

  it('rejects anything else with a RangeError or TypeError that says what was wrong', () => {
    fc.assert(
      fc.property(anything, (input) => {
        try {
          calculateNps(input as never);
        } catch (error) {
          expect(error instanceof RangeError || error instanceof TypeError).toBe(true);
          expect((error as Error).message).toMatch(/^calculateNps: /);
        }
      }),
      RUNS,
    );
  });

  it('compares any two non-empty inputs with a finite z and a p-value in [0, 1]', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const { z, pValue, difference } = compareNps(a, b);
        expect(Number.isFinite(z)).toBe(true);
        expect(pValue).toBeGreaterThanOrEqual(0);
        expect(pValue).toBeLessThanOrEqual(1);
        expect(difference).toBeCloseTo((calculateNps(a).nps ?? 0) - (calculateNps(b).nps ?? 0), 9);
      }),
      RUNS,
    );
  });
});

describe("the receiver's validator, for any body", () => {
  it('accepts or gives a reason, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.dictionary(fc.string(), anything)), (body) => {
        const result = validateResponse(body);
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
