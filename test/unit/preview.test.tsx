import { afterEach, describe, expect, it, vi } from 'vitest';
import { adjustedWald, calculateNps, responsesNeeded } from '../../src/core/nps.js';
import type { NpsResponse } from '../../src/core/payload.js';
import { mountNpsPreview } from '../../src/preview/mount.js';

const HUNGARIAN = { counts: [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75] };

function target(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}

function shadowOf(element: Element): ShadowRoot {
  const hosts = element.querySelectorAll('[data-nps-preview]');
  expect(hosts).toHaveLength(1);
  const root = hosts[0]?.shadowRoot;
  if (!root) throw new Error('the preview host has no open shadow root');
  return root;
}

/** A received payload v1 response, reduced to the fields the preview reads. */
const response = (id: string, score: number, complete: boolean, sentAt: string) => ({ id, score, complete, sentAt }) as NpsResponse;

const textOf = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent ?? null;
/** What a sighted reader sees of a signed number (the screen-reader copy is hidden from the eye). */
const seenScore = (root: ParentNode) => textOf(root, '.score [aria-hidden="true"]');

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('mountNpsPreview', () => {
  it('shows the rounded score, its margin, the shares and an 11-bar histogram in a shadow root', () => {
    const scores = [10, 10, 10, 9, 9, 8, 7, 6, 3, 0, 10, 9];
    const result = calculateNps(scores);
    const element = target();
    mountNpsPreview(element, scores);
    const root = shadowOf(element);

    expect(seenScore(root)).toBe(`+${result.rounded}`);
    expect(textOf(root, '.margin')).toBe(`±${result.marginOfError?.toFixed(1)} points`);
    const legend = [...root.querySelectorAll('.legend li')].map((item) => item.textContent);
    expect(legend).toEqual(['Detractors (0–6): 25% (3)', 'Passives (7–8): 17% (2)', 'Promoters (9–10): 58% (7)']);
    expect(root.querySelectorAll('.histogram .column')).toHaveLength(11);
    expect(root.adoptedStyleSheets).toHaveLength(1);
  });

  it('gives screen readers every number as text: the score with a plain minus and the histogram as a table', () => {
    const element = target();
    mountNpsPreview(element, HUNGARIAN);
    const root = shadowOf(element);

    expect(seenScore(root)).toBe('\u221212');
    expect(textOf(root, '.score .sr')).toBe('-12');
    expect(root.querySelector('.histogram')?.getAttribute('aria-hidden')).toBe('true');
    const rows = [...root.querySelectorAll('table tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toHaveLength(11);
    expect(rows[1]).toEqual(['1', '42', 'Detractors']);
    expect(rows[8]).toEqual(['8', '38', 'Passives']);
    expect(rows[10]).toEqual(['10', '75', 'Promoters']);
  });

  it('shows the Hungarian worked example as −12 with its interval and no warning', () => {
    const element = target();
    mountNpsPreview(element, HUNGARIAN);
    const root = shadowOf(element);

    expect(textOf(root, '.margin')).toBe('±9.1 points');
    expect(textOf(root, '.muted')).toContain('95% interval \u221221-21 to \u22122-2 · 378 responses');
    expect(root.querySelector('.note')).toBeNull();
  });

  it('re-renders with new data on update()', () => {
    const element = target();
    const preview = mountNpsPreview(element, [0, 0, 10]);
    expect(seenScore(shadowOf(element))).toBe('\u221233');
    preview.update({ promoters: 5, passives: 0, detractors: 0 });
    expect(seenScore(shadowOf(element))).toBe('+100');
    expect(shadowOf(element).querySelector('.histogram')).toBeNull();
  });

  it('updates the preview already on an element instead of adding a second one', () => {
    const element = target();
    const first = mountNpsPreview(element, [7], { title: 'Checkout' });
    const second = mountNpsPreview(element, [10]);
    expect(second).toBe(first);
    const root = shadowOf(element);
    expect(seenScore(root)).toBe('+100');
    expect(textOf(root, 'h2')).toBe('Checkout');
  });

  it('says there are no responses yet instead of showing a score of 0', () => {
    const element = target();
    mountNpsPreview(element, []);
    const root = shadowOf(element);
    expect(textOf(root, '.empty')).toBe('No responses yet');
    expect(root.querySelector('.score')).toBeNull();
  });

  it('warns that a score from few responses cannot be trusted yet, and how many more would do', () => {
    const scores = [10, 9, 9, 8, 7, 7, 6, 5, 3, 0, 10, 2];
    const result = calculateNps(scores);
    const more = responsesNeeded(10, adjustedWald(result).variance) - scores.length;
    const element = target();
    mountNpsPreview(element, scores);
    const note = shadowOf(element).querySelector('.note');

    const [low, high] = (result.interval ?? []).map((bound) => Math.round(Math.abs(bound)));
    const seen = [...(note?.childNodes ?? [])]
      .filter((node) => !(node instanceof Element && node.classList.contains('sr')))
      .map((node) => node.textContent)
      .join('');
    expect(seen).toBe(
      `Too few responses to trust this score: with 12 responses the true score could be anywhere from \u2212${low} to +${high}. ` +
        `About ${more} more would bring the margin to ±10 points.`,
    );
  });

  it('counts the latest state of each received response once', () => {
    const element = target();
    mountNpsPreview(element, [
      response('a', 3, false, '2026-01-01T10:00:00Z'),
      response('b', 10, true, '2026-01-01T10:00:00Z'),
      response('a', 9, true, '2026-01-01T10:01:00Z'),
      response('b', 10, true, '2026-01-01T10:02:00Z'),
    ]);
    expect(seenScore(shadowOf(element))).toBe('+100');
    expect(textOf(shadowOf(element), '.muted')).toContain('2 responses');
  });

  it('logs one error and shows an error state for bad input, without throwing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const element = target();
    const preview = mountNpsPreview(element, [3, 9, 11]);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]?.[0])).toContain('score at position 2 is 11');
    expect(textOf(shadowOf(element), '.error')).toContain('score at position 2 is 11');

    preview.update([9]);
    expect(seenScore(shadowOf(element))).toBe('+100');
  });

  it('logs one error for a missing element and still returns a handle', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // What querySelector gives for a missing target, passed as it is (the README's form).
    const preview = mountNpsPreview(document.querySelector('#missing'), [9]);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]?.[0])).toBe('mountNpsPreview: cannot mount into null; expected an element or a CSS selector');
    expect(() => {
      preview.update([9]);
      preview.destroy();
    }).not.toThrow();
  });

  it('mounts into the element a CSS selector names; a selector that matches nothing, or is invalid, logs one error naming it', () => {
    const element = target();
    element.id = 'results';
    mountNpsPreview('#results', [10, 9, 3]);
    expect(seenScore(shadowOf(element))).toBe('+33');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    mountNpsPreview('#nowhere', [9]);
    mountNpsPreview('#[', [9]);
    expect(error.mock.calls.map(([message]) => String(message))).toEqual([
      'mountNpsPreview: cannot mount into "#nowhere", which matches no element; expected an element or a CSS selector',
      'mountNpsPreview: cannot mount into "#[", which matches no element; expected an element or a CSS selector',
    ]);
  });

  it('renders markup in the title as text', () => {
    const element = target();
    mountNpsPreview(element, [9], { title: '<b>Q3</b>' });
    const heading = shadowOf(element).querySelector('h2');
    expect(heading?.textContent).toBe('<b>Q3</b>');
    expect(heading?.querySelector('b')).toBeNull();
  });

  it('leaves nothing behind on destroy(), and mounts afresh afterwards', () => {
    const element = target();
    mountNpsPreview(element, [9]).destroy();
    expect(element.querySelector('[data-nps-preview]')).toBeNull();
    mountNpsPreview(element, [0]);
    expect(seenScore(shadowOf(element))).toBe('\u2212100');
  });
});

describe('numbers in the preview', () => {
  it('writes numbers as the given locale does, like the survey scale', () => {
    const element = document.createElement('div');
    document.body.append(element);
    const counts = [0, 0, 0, 0, 0, 0, 1200, 0, 0, 0, 2400];
    mountNpsPreview(element, { counts }, { locale: 'fa' });
    const text = element.querySelector('[data-nps-preview]')?.shadowRoot?.textContent ?? '';
    expect(text).toContain('۱٬۲۰۰'); // 1,200 detractors, Persian digits and grouping
    expect(text).not.toContain('1200');
    element.remove();
  });
});
