/**
 * The types of the script-tag files' globals (src/loader/globals.ts, src/preview/globals.ts)
 * name exactly what their entries export: checked by the compiler (npm run check), and here
 * at run time on the exports' names.
 */
import { describe, expect, it } from 'vitest';
import type { NpsWidgetGlobal } from '../../src/loader/globals.js';
import type { NpsPreviewGlobal } from '../../src/preview/globals.js';

/** Compiles only when A and B have the same keys, each export assignable to its declared type. */
type Same<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? (A extends B ? true : false) : false) : false;
const agree = <T extends true>(value: T) => value;

describe('the script-tag globals', () => {
  it('NpsWidget is typed as nps-widget.js and nps-widget.full.js export it', async () => {
    agree<Same<typeof import('../../src/embed.js'), NpsWidgetGlobal>>(true);
    agree<Same<typeof import('../../src/embed-full.js'), NpsWidgetGlobal>>(true);
    const loader = await import('../../src/embed.js');
    expect(Object.keys(loader).sort()).toEqual(['calculateNps', 'compareNps', 'createNpsWidget']);
  });

  it('NpsPreview is typed as nps-preview.js exports it', async () => {
    agree<Same<typeof import('../../src/preview-embed.js'), NpsPreviewGlobal>>(true);
    const preview = await import('../../src/preview-embed.js');
    expect(Object.keys(preview).sort()).toEqual(['calculateNps', 'compareNps', 'mountNpsPreview', 'readPastedResults']);
  });
});
