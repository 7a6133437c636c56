import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';

let posts: NpsResponse[];

// The module a bundled app imports for its side effect: it registers the element.
beforeAll(() => import('../../src/element.js'));

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
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('<nps-survey> (import "nps-widget/element")', () => {
  it('takes the options as kebab-case attributes and shows inline inside itself', async () => {
    document.body.innerHTML =
      '<section><nps-survey endpoint="https://collector.example/nps" brand="Acme" survey-id="cms-block" kind="enps" auto-close-seconds="0"></nps-survey></section>';
    const element = document.querySelector('nps-survey')!;
    // Inline is a placement whose styles come with the extras.
    await vi.waitFor(() => expect(element.querySelector('[data-nps-widget]')).not.toBeNull(), { timeout: 10_000 });
    const host = element.querySelector<HTMLElement>('[data-nps-widget]');
    expect(host?.getAttribute('data-nps-widget')).toBe('cms-block');
    const panel = host?.shadowRoot?.querySelector('.panel');
    expect(panel?.className).toContain('inline');
    expect(host?.shadowRoot?.querySelector('#nps-question')?.textContent).toBe('How likely are you to recommend Acme as a place to work?');
    host?.shadowRoot?.querySelector<HTMLButtonElement>('[role="radio"]:nth-child(10)')?.click();
    await flush();
    expect(posts[0]).toMatchObject({ surveyId: 'cms-block', kind: 'enps', score: 9 });
  });

  it('removes its survey, listeners and all, when taken off the page', async () => {
    document.body.innerHTML = '<nps-survey endpoint="https://collector.example/nps"></nps-survey>';
    const element = document.querySelector('nps-survey')!;
    await vi.waitFor(() => expect(element.querySelector('[data-nps-widget]')).not.toBeNull(), { timeout: 10_000 });
    element.remove();
    expect(element.querySelector('[data-nps-widget]')).toBeNull();
    expect(document.querySelector('[data-nps-widget]')).toBeNull();
  });

  it("refuses a bad attribute with the widget's own error, naming the option", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = '<nps-survey endpoint="https://collector.example/nps" sample-rate="often"></nps-survey>';
    await flush();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toContain('option "sampleRate" is "often"; allowed: a number from 0 to 1');
    expect(document.querySelector('[data-nps-widget]')).toBeNull();
  });
});
