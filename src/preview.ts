/**
 * Mounts the results preview into a page: one shadow host per element, fed with scores,
 * counts or received responses. Never throws into the page; bad input shows an error state.
 */
import { h, render } from 'preact';
import { calculateNps, type NpsInput } from './core/nps.js';
import { isNewerState, type NpsResponse } from './core/payload.js';
import { createShadowMount } from './dom/shadow.js';
import { Preview, PreviewError } from './ui/Preview.js';
import css from './ui/preview.css?inline';

export interface NpsPreviewOptions {
  /** Writes the numbers as this locale does (BCP 47), like the survey's scale; the words stay English. */
  locale?: string;
  title?: string;
  /** For the `<style>` fallback on pages whose CSP allows only nonced styles. */
  nonce?: string;
}

/** Anything `calculateNps` takes, or payload v1 responses as a receiver stored them. */
export type NpsPreviewInput = NpsInput | readonly NpsResponse[];

export interface NpsPreview {
  update(input: NpsPreviewInput): void;
  destroy(): void;
}

interface Instance {
  handle: NpsPreview;
  title(): string | undefined;
  show(input: NpsPreviewInput, title: string | undefined): void;
}

const instances = new WeakMap<Element, Instance>();

function isResponseList(input: unknown): input is readonly NpsResponse[] {
  const first: unknown = Array.isArray(input) ? input[0] : undefined;
  return typeof first === 'object' && first !== null && typeof (first as { score?: unknown }).score === 'number';
}

/**
 * Delivery is at least once (contract section 6): one response can arrive twice, with a
 * changed score in between, so only its latest state per id is counted.
 */
function latestScores(responses: readonly NpsResponse[]): unknown[] {
  const latest = new Map<unknown, NpsResponse>();
  responses.forEach((response, position) => {
    const id = typeof response?.id === 'string' ? response.id : position;
    const stored = latest.get(id);
    if (!stored || isNewerState(response, stored)) latest.set(id, response);
  });
  return Array.from(latest.values(), (response) => response?.score);
}

function view(input: NpsPreviewInput, title: string | undefined, locale: string | undefined) {
  try {
    const scores = isResponseList(input) ? latestScores(input) : input;
    return h(Preview, { result: calculateNps(scores as NpsInput), title, locale });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`mountNpsPreview: cannot show the preview: ${message}`);
    return h(PreviewError, { title, message });
  }
}

function createInstance(element: Element, options: NpsPreviewOptions): Instance {
  const mount = createShadowMount(element, 'data-nps-preview', '', css, options.nonce);
  let title = options.title;
  const { locale } = options;
  let destroyed = false;
  const instance: Instance = {
    title: () => title,
    show(input, nextTitle) {
      if (destroyed) return;
      title = nextTitle;
      render(view(input, title, locale), mount.container);
    },
    handle: {
      update: (input) => instance.show(input, title),
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

const inert: NpsPreview = { update() {}, destroy() {} };

/**
 * Shows the preview of `input` inside `element`. Mounting again on the same element updates
 * the preview already there instead of adding a second one; a title given again replaces the
 * old one, an omitted one keeps it. The nonce only matters to the first mount.
 */
export function mountNpsPreview(element: Element, input: NpsPreviewInput, options: NpsPreviewOptions = {}): NpsPreview {
  // querySelector returns null for a missing target; that must not break the host page.
  if (typeof element?.attachShadow !== 'function') {
    console.error(`mountNpsPreview: cannot mount into ${String(element)}; expected an element`);
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
