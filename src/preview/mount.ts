/**
 * Mounts the results preview into a page: one shadow host per element, fed with scores,
 * counts, received responses or a receiver's tallies. Never throws into the page; bad input
 * shows an error state. Responses are aggregated once per input; a large input is counted in
 * slices of a few milliseconds, yielding to the page between them, with a progress bar once it
 * takes longer than a moment. Tallies are already counted: they are drawn at once.
 */
import { Fragment, h, render, type ComponentChild } from 'preact';
import { calculateNps, type NpsInput } from '../core/nps.js';
import type { NpsResponse } from '../core/payload.js';
import { createAggregator, type Aggregator } from '../core/results/aggregate.js';
import type { ResultRecord } from '../core/results/record.js';
import { STANDARD_SCALE } from '../core/results/scale.js';
import type { TallySource } from '../core/results/source.js';
import { looksLikeTallies, type ResultsTallies } from '../core/results/tallies.js';
import { isTalliesSource, talliesSource } from '../core/results/tallies-source.js';
import { tallyResult } from '../core/results/tally.js';
import { pooledTally } from '../core/results/trend.js';
import { checkViewOptions, type CheckedViewOptions, type ResultsViewOptions } from '../core/results/view-options.js';
import { downloadText } from '../dom/download.js';
import { findElement } from '../dom/resolve-element.js';
import { createShadowMount } from '../dom/shadow.js';
import { numbersFor } from '../ui/numbers.js';
import { Preview, PreviewError } from '../ui/Preview.js';
import { Progress } from '../ui/results/Progress.js';
import { Results, ScoreResults } from '../ui/Results.js';
import css from '../ui/preview.css?inline';
import resultsCss from '../ui/results.css?inline';

export interface NpsPreviewOptions extends ResultsViewOptions {
  /** Writes the numbers as this locale does (BCP 47), like the survey's scale; the words stay English. */
  locale?: string;
  title?: string;
  /** For the `<style>` fallback on pages whose CSP allows only nonced styles. */
  nonce?: string;
}

/**
 * Anything `calculateNps` takes, payload v1 responses as a receiver stored them, or what a
 * receiver's GET /results answers (one answer, or several of one survey: one by time, others by segment).
 */
export type NpsPreviewInput = NpsInput | readonly NpsResponse[] | readonly ResultRecord[] | ResultsTallies | readonly ResultsTallies[];

export interface NpsPreview {
  update(input: NpsPreviewInput): void;
  destroy(): void;
  /** Resolves once the latest input is on screen (a large one is counted over several tasks). */
  ready(): Promise<void>;
}

interface Instance {
  handle: NpsPreview;
  title(): string | undefined;
  show(input: NpsPreviewInput, title: string | undefined): void;
}

/** Up to this many records are counted in one go (a few milliseconds); more are sliced. */
const RECORDS_IN_ONE_TASK = 20_000;
const SLICE_MS = 12;
const BATCH = 4096;
/** Below this a progress bar would only flash. */
const PROGRESS_AFTER_MS = 200;

const instances = new WeakMap<Element, Instance>();

const isTallies = (input: unknown) => looksLikeTallies(Array.isArray(input) ? input[0] : input);

function isResponseList(input: unknown): input is readonly ResultRecord[] {
  const first: unknown = Array.isArray(input) ? input[0] : undefined;
  return typeof first === 'object' && first !== null && !Array.isArray(first);
}

/** Lets the page paint and handle input: scheduler.yield where there is one (it keeps this task's priority). */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

const viewerTimeZone = () => new Intl.DateTimeFormat().resolvedOptions().timeZone;

function createInstance(element: Element, options: NpsPreviewOptions): Instance {
  const mount = createShadowMount(element, 'data-nps-preview', '', `${css}\n${resultsCss}`, options.nonce);
  let title = options.title;
  const { locale } = options;
  let destroyed = false;
  let generation = 0;
  let ready = Promise.resolve();

  /** What is on screen below a progress bar: the last view stays (with its choices) while a new input is counted. */
  let view: ComponentChild = null;
  const paint = (next: ComponentChild, progress: ComponentChild = null) => {
    view = next;
    // The progress bar's slot is always there (null when idle), so the view keeps its place in
    // the tree and Preact keeps its state: the viewer's period and segment survive update().
    render(h(Fragment, null, progress, view), mount.container);
  };
  const failed = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`mountNpsPreview: cannot show the preview: ${message}`);
    paint(h(PreviewError, { title, message }));
  };
  const resultsView = (source: TallySource, settings: CheckedViewOptions) => {
    const scale = source.scales[0] ?? STANDARD_SCALE;
    return settings.view === 'summary'
      ? h(Preview, { result: tallyResult(pooledTally(source.tallies(scale)), scale), title, locale, scale })
      : h(Results, {
          aggregate: source,
          // Tallies start with the period they were grouped by, unless the page chose one.
          choices: { ...settings, period: isTalliesSource(source) && options.period === undefined ? null : settings.period },
          title,
          locale,
          onDownload: (fileName: string, text: string) => downloadText(mount.container, fileName, text),
        });
  };

  /** Small inputs are on screen (or their error is) when this returns; a large one returns its count in progress. */
  function present(job: number, input: NpsPreviewInput): Promise<void> | undefined {
    const settings = checkViewOptions(options, viewerTimeZone());
    if (isTallies(input)) {
      paint(resultsView(talliesSource(input, { ...settings.scaleChoice, timeZone: options.timeZone }), settings));
      return undefined;
    }
    if (!isResponseList(input)) {
      const result = calculateNps(input as NpsInput, settings.scaleChoice);
      paint(
        settings.view === 'summary'
          ? h(Preview, { result, title, locale, scale: result.scale })
          : h(ScoreResults, { result, title, locale, margin: settings.margin }),
      );
      return undefined;
    }
    const aggregator = createAggregator(input, { timeZone: settings.timeZone });
    if (input.length <= RECORDS_IN_ONE_TASK) {
      aggregator.advance(input.length);
      paint(resultsView(aggregator.result(), settings));
      return undefined;
    }
    return countInSlices(job, aggregator, settings);
  }

  async function countInSlices(job: number, aggregator: Aggregator, settings: CheckedViewOptions): Promise<void> {
    const started = performance.now();
    const f = numbersFor(locale);
    for (;;) {
      const sliceEnd = performance.now() + SLICE_MS;
      // At least one batch a slice, however slow the clock says the machine is: a slice must move.
      let finished = aggregator.advance(BATCH);
      while (!finished && performance.now() < sliceEnd) finished = aggregator.advance(BATCH);
      if (finished) break;
      if (performance.now() - started > PROGRESS_AFTER_MS) paint(view, h(Progress, { done: aggregator.done, total: aggregator.total, f }));
      await nextTask();
      // A newer update() or destroy() took over: this count is no longer wanted.
      if (job !== generation || destroyed) return;
    }
    // Finishing the aggregate and the first render are long tasks of their own at this size:
    // a yield between them keeps either from adding to the other.
    const aggregate = aggregator.result();
    await nextTask();
    if (job !== generation || destroyed) return;
    paint(resultsView(aggregate, settings));
  }

  const instance: Instance = {
    title: () => title,
    show(input, nextTitle) {
      if (destroyed) return;
      title = nextTitle;
      const job = ++generation;
      try {
        ready =
          present(job, input)?.catch((error: unknown) => {
            if (job === generation && !destroyed) failed(error);
          }) ?? Promise.resolve();
      } catch (error) {
        failed(error);
        ready = Promise.resolve();
      }
    },
    handle: {
      update: (input) => instance.show(input, title),
      ready: () => ready,
      destroy() {
        if (destroyed) return;
        destroyed = true;
        render(null, mount.container);
        mount.remove();
        instances.delete(element);
      },
    },
  };
  return instance;
}

const inert: NpsPreview = { update() {}, destroy() {}, ready: () => Promise.resolve() };

/**
 * Shows the preview of `input` inside `target` (an element or a CSS selector). Mounting again
 * on the same element updates the preview already there instead of adding a second one; a
 * title given again replaces the old one, an omitted one keeps it. The other options only
 * matter to the first mount.
 */
export function mountNpsPreview(target: Element | string | null, input: NpsPreviewInput, options: NpsPreviewOptions = {}): NpsPreview {
  // querySelector returns null for a missing target; that must not break the host page.
  const element = findElement(target);
  if (typeof element?.attachShadow !== 'function') {
    const named = typeof target === 'string' ? `${JSON.stringify(target)}, which matches no element` : String(target);
    console.error(`mountNpsPreview: cannot mount into ${named}; expected an element or a CSS selector`);
    return inert;
  }
  const existing = instances.get(element);
  if (existing) {
    existing.show(input, options.title ?? existing.title());
    return existing.handle;
  }
  const instance = createInstance(element, options);
  instances.set(element, instance);
  instance.show(input, options.title);
  return instance.handle;
}
