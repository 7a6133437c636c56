/**
 * The dashboard (docs/dashboard.md): the token asked once, the survey and span chosen, then
 * each panel reads its own part of the API. It composes: the panels fetch and show, api.ts
 * talks to the receiver, token.ts keeps the token, span.ts does the dates.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SurveySummary } from '../core/results/survey-summary.js';
import { numbersFor } from '../ui/numbers.js';
import { readApi, TokenRefused } from './api.js';
import { ClosedLoop } from './ClosedLoop.js';
import { Overview, type Asked } from './Overview.js';
import { PeriodComparison } from './PeriodComparison.js';
import { Reasons } from './Reasons.js';
import { createReader } from './reader.js';
import { dayOf, isDay } from './span.js';
import { forgetToken, keepToken, savedToken } from './token.js';
import { TokenForm } from './TokenForm.js';

const REFUSED = 'The receiver did not accept that token. Check it and enter it again.';

const viewerTimeZone = () => new Intl.DateTimeFormat().resolvedOptions().timeZone;

type Access = { state: 'asking'; problem: string | null; busy: boolean } | { state: 'in'; token: string; surveys: SurveySummary[] };

export function Dashboard() {
  const [access, setAccess] = useState<Access>({ state: 'asking', problem: null, busy: savedToken() !== null });

  const refused = () => {
    forgetToken();
    setAccess({ state: 'asking', problem: REFUSED, busy: false });
  };
  const signIn = (token: string) => {
    setAccess({ state: 'asking', problem: null, busy: true });
    readApi<{ surveys: SurveySummary[] }>(token, 'surveys')
      .then(({ surveys }) => {
        keepToken(token);
        setAccess({ state: 'in', token, surveys });
      })
      .catch((error: unknown) => {
        if (error instanceof TokenRefused) refused();
        else setAccess({ state: 'asking', problem: `Could not reach the receiver: ${error instanceof Error ? error.message : String(error)}`, busy: false });
      });
  };
  useEffect(() => {
    const token = savedToken();
    if (token !== null) signIn(token);
  }, []);

  return (
    <>
      <header class="top">
        <h1>NPS results</h1>
        {access.state === 'in' && (
          <button
            type="button"
            onClick={() => {
              forgetToken();
              setAccess({ state: 'asking', problem: null, busy: false });
            }}
          >
            Forget the token
          </button>
        )}
      </header>
      <main id="main">
        {access.state === 'asking' ? (
          <TokenForm problem={access.problem} busy={access.busy} onSubmit={signIn} />
        ) : access.surveys.length === 0 ? (
          <section class="panel" aria-labelledby="empty-title">
            <h2 id="empty-title">No answers yet</h2>
            <p>The receiver holds no responses. Answers the widget posts to it appear here; reload the page to see them.</p>
          </section>
        ) : (
          <Surveys token={access.token} surveys={access.surveys} onRefused={refused} />
        )}
      </main>
    </>
  );
}

const surveyText = (survey: SurveySummary, f: ReturnType<typeof numbersFor>) =>
  `${survey.surveyId} (${f.whole(survey.responses)} ${survey.responses === 1 ? 'response' : 'responses'}${survey.kinds.includes('enps') ? ', eNPS' : ''})`;

function Surveys({ token, surveys, onRefused }: { token: string; surveys: SurveySummary[]; onRefused(): void }) {
  const f = numbersFor(undefined);
  const timeZone = viewerTimeZone();
  const reader = useMemo(() => createReader(token, onRefused), [token]);
  const [surveyId, setSurveyId] = useState(surveys[0]?.surveyId ?? '');
  const survey = surveys.find((s) => s.surveyId === surveyId) ?? (surveys[0] as SurveySummary);
  const whole = { from: dayOf(survey.firstAt, timeZone), to: dayOf(survey.lastAt, timeZone) };
  const [from, setFrom] = useState(whole.from);
  const [to, setTo] = useState(whole.to);
  const [scale, setScale] = useState(survey.scales[0] ?? '0-10');
  const chooseSurvey = (id: string) => {
    const next = surveys.find((s) => s.surveyId === id) as SurveySummary;
    setSurveyId(id);
    setFrom(dayOf(next.firstAt, timeZone));
    setTo(dayOf(next.lastAt, timeZone));
    setScale(next.scales[0] ?? '0-10');
  };
  const valid = isDay(from) && isDay(to) && from <= to;
  const asked = useMemo<Asked>(() => ({ surveyId: survey.surveyId, span: { from, to }, timeZone, scale }), [survey.surveyId, from, to, timeZone, scale]);
  const enps = survey.kinds.includes('enps');

  return (
    <>
      <section class="panel" aria-labelledby="choose-title">
        <h2 id="choose-title">Survey and span</h2>
        <div class="fields">
          <div class="field">
            <label for="survey">Survey</label>
            <select id="survey" value={survey.surveyId} onChange={(event) => chooseSurvey(event.currentTarget.value)}>
              {surveys.map((s) => (
                <option key={s.surveyId} value={s.surveyId}>
                  {surveyText(s, f)}
                </option>
              ))}
            </select>
          </div>
          {survey.scales.length > 1 && (
            <div class="field">
              <label for="scale">Scale</label>
              <select id="scale" value={scale} onChange={(event) => setScale(event.currentTarget.value)}>
                {survey.scales.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="span-from">From</label>
            <input id="span-from" type="date" value={from} required onChange={(event) => setFrom(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="span-to">To</label>
            <input id="span-to" type="date" value={to} required onChange={(event) => setTo(event.currentTarget.value)} />
          </div>
        </div>
        <p class={valid ? 'muted' : 'error'}>
          {valid ? `Days are local to ${timeZone}; both ends are included.` : 'Choose a first and a last day, in that order.'}
        </p>
      </section>
      {valid && (
        <div class="panels" key={survey.surveyId}>
          <Overview reader={reader} asked={asked} enps={enps} />
          <PeriodComparison reader={reader} asked={asked} f={f} />
          <Reasons reader={reader} asked={asked} enps={enps} f={f} />
          <ClosedLoop reader={reader} asked={asked} f={f} />
        </div>
      )}
    </>
  );
}
