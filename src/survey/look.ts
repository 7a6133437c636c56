/**
 * What the extras add to one widget's survey, once they are in: the accent's text colour, the
 * modal's hold on Tab, and the styles of the bar, modal and inline placements and of the dark
 * theme. Loaded once, before the first showing whose configuration uses one of them. Without
 * the extras (a configuration that needs none, or a file that cannot load) each stays as it
 * is declared here: light colours, no accent, and the bottom-right corner.
 */
import { PREFIX } from '../core/api.js';
import { messageOf } from '../core/report.js';
import { isCorner } from '../ui/Survey.js';
import type { ExtrasModule, SurveyContext } from './contract.js';

export interface Look {
  /** Loads the extras when the configuration uses them. Never rejects: the survey shows without them. */
  ready(): Promise<void>;
  /** Whether the extras are in: only then can a placement other than the corners show. */
  readonly placed: boolean;
  /** The text colour the accent carries, once judged (null: no accent). */
  readonly accentText: string | null;
  readonly trapTab: ExtrasModule['trapTab'] | undefined;
  /** Styles that go before the survey's own, so its media queries keep the last word. */
  readonly styles: string;
}

export function createLook({ config, parts }: SurveyContext): Look {
  const needed = !isCorner(config.placement) || config.accentColor !== null || config.theme !== 'light';
  let extras: ExtrasModule | null = null;
  let accentText: string | null = null;
  let loading: Promise<void> | null = null;
  const load = () =>
    parts.extras().then(
      (loaded) => {
        extras = loaded;
        const color = config.accentColor;
        if (color) {
          const judged = loaded.accentFor(color, config.theme);
          if (judged.warning) console.warn(`${PREFIX} ${judged.warning}`);
          accentText = judged.accentText;
        }
      },
      (error: unknown) =>
        console.warn(
          `${PREFIX} could not load the extras (${messageOf(error)}); the survey shows in the corner in its own light colours, without the modal's hold on Tab.`,
        ),
    );
  return {
    ready: () => (needed ? (loading ??= load()) : Promise.resolve()),
    get placed() {
      return extras !== null;
    },
    get accentText() {
      return accentText;
    },
    get trapTab() {
      return extras?.trapTab;
    },
    get styles() {
      return extras ? extras.placementsCss + (config.theme === 'light' ? '' : extras.themeCss) : '';
    },
  };
}
