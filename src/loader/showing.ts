/**
 * Loading and showing: a show the rules allowed waits for the survey file (loaded once per
 * page; prefetched, it is already there), then for the survey to open. hide() and destroy()
 * during the wait cancel it. A survey file that cannot load is reported (one console error
 * naming its URL, an `error` event) and the show is dropped; the next show loads it again.
 */
import { PREFIX } from '../core/api.js';
import type { ShowConfig } from '../core/options.js';
import type { Showing, Survey, SurveyHost, SurveyModule } from '../survey/contract.js';

export interface Shower {
  /** Whether a survey is open, or on its way to opening. */
  readonly busy: boolean;
  open(options: ShowConfig): void;
  /** Closes the survey, or cancels the one on its way, without counting a dismissal. */
  close(): void;
}

interface Turn {
  showing: Showing | null;
}

export function createShower(host: SurveyHost, load: () => Promise<SurveyModule>): Shower {
  let survey: Survey | null = null;
  let current: Turn | null = null;
  const end = (turn: Turn) => {
    if (current === turn) current = null;
  };

  async function run(turn: Turn, options: ShowConfig): Promise<void> {
    let module: SurveyModule;
    try {
      module = await load();
    } catch (error) {
      end(turn);
      host.failed(error, 'the survey will not show');
      return;
    }
    try {
      survey ??= module.createSurvey(host);
      turn.showing = await survey.open(
        options,
        () => current === turn,
        () => end(turn),
      );
    } catch (error) {
      console.error(`${PREFIX} show() failed:`, error);
    }
    // Nothing to show, or hidden while it opened (a `show` handler may call hide()).
    if (!turn.showing) end(turn);
    else if (current !== turn) turn.showing.close();
  }

  return {
    get busy() {
      return current !== null;
    },
    open(options) {
      const turn: Turn = { showing: null };
      current = turn;
      void run(turn, options);
    },
    close() {
      const turn = current;
      current = null;
      turn?.showing?.close();
    },
  };
}
