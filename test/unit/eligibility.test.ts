import { describe, expect, it } from 'vitest';
import {
  type History,
  type Rules,
  decide,
  emptyHistory,
  emptySiteHistory,
  parseHistory,
  parseSiteHistory,
  recordAsk,
  recordDismissal,
  recordResponse,
  recordShown,
  refusal,
  userCreatedAt,
  withDraw,
} from '../../src/core/eligibility.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');
const rules: Rules = { sampleRate: 1, resurveyDays: 90, dismissCooldownDays: 30, maxAsks: 3, firstSurveyDelayDays: 0, quietPeriodDays: 0 };
const sampled: History = { ...emptyHistory, draw: 0.5 };
const check = (history: History, overrides: Partial<Rules> = {}, site = emptySiteHistory, userCreated: number | null = null, now = NOW) =>
  decide('nps', { ...rules, ...overrides }, history, site, userCreated, now);

describe('sampling', () => {
  it('draws once and keeps the draw', () => {
    const drawn = withDraw(emptyHistory, () => 0.42);
    expect(drawn.draw).toBe(0.42);
    expect(withDraw(drawn, () => 0.99).draw).toBe(0.42);
  });

  it('asks visitors whose draw is below the sample rate, and no one at 0', () => {
    expect(check({ ...emptyHistory, draw: 0.19 }, { sampleRate: 0.2 })).toEqual({ eligible: true });
    expect(check({ ...emptyHistory, draw: 0.2 }, { sampleRate: 0.2 })).toEqual({ eligible: false, rule: 'sampleRate', until: null });
    expect(check({ ...emptyHistory, draw: 0 }, { sampleRate: 0 }).eligible).toBe(false);
    expect(check({ ...emptyHistory, draw: 0.999 }, { sampleRate: 1 }).eligible).toBe(true);
  });

  it('asks nobody who has not been drawn yet', () => {
    expect(check(emptyHistory).eligible).toBe(false);
  });
});

describe('resurvey after a response', () => {
  it('waits resurveyDays after an answer', () => {
    const answered = recordResponse(sampled, NOW - 89 * DAY);
    expect(check(answered)).toEqual({
      eligible: false,
      rule: 'resurveyDays',
      until: NOW + DAY,
    });
    expect(check(answered, {}, emptySiteHistory, null, NOW + DAY).eligible).toBe(true);
  });

  it('asks after every answer when resurveyDays is 0', () => {
    expect(check(recordResponse(sampled, NOW), { resurveyDays: 0 }).eligible).toBe(true);
  });
});

describe('cooldown after a dismissal', () => {
  it('waits dismissCooldownDays after a dismissal', () => {
    const dismissed = recordDismissal(sampled, NOW - 10 * DAY);
    const decision = check(dismissed);
    expect(decision).toMatchObject({ eligible: false, rule: 'dismissCooldownDays', until: NOW + 20 * DAY });
    expect(check(dismissed, { dismissCooldownDays: 10 }).eligible).toBe(true);
  });
});

describe('maxAsks', () => {
  it('leaves a non-responder alone after maxAsks showings, for resurveyDays', () => {
    let history = sampled;
    for (let i = 0; i < 3; i += 1) {
      expect(check(history).eligible).toBe(true);
      history = recordAsk(history, rules, NOW - 5 * DAY + i);
    }
    expect(check(history)).toMatchObject({ eligible: false, rule: 'maxAsks', until: NOW - 5 * DAY + 2 + 90 * DAY });
    expect(check(history, {}, emptySiteHistory, null, NOW + 86 * DAY).eligible).toBe(true);
  });

  it('starts counting again after the rest, and after an answer', () => {
    let history: History = { ...sampled, asks: 3, lastAskedAt: NOW - 100 * DAY };
    history = recordAsk(history, rules, NOW);
    expect(history.asks).toBe(1);
    expect(recordResponse({ ...sampled, asks: 2 }, NOW).asks).toBe(0);
  });
});

describe('first survey delay for new users', () => {
  it('waits firstSurveyDelayDays from user.createdAt, given as ISO text or ms', () => {
    const created = userCreatedAt({ createdAt: new Date(NOW - 3 * DAY).toISOString() });
    expect(created).toBe(NOW - 3 * DAY);
    expect(userCreatedAt({ createdAt: NOW })).toBe(NOW);
    expect(check(sampled, { firstSurveyDelayDays: 14 }, emptySiteHistory, created)).toMatchObject({
      eligible: false,
      rule: 'firstSurveyDelayDays',
      until: NOW + 11 * DAY,
    });
  });

  it('does not apply without a readable createdAt', () => {
    expect(userCreatedAt(null)).toBeNull();
    expect(userCreatedAt({ createdAt: 'last week' })).toBeNull();
    expect(check(sampled, { firstSurveyDelayDays: 14 }, emptySiteHistory, null).eligible).toBe(true);
  });
});

describe('site-wide quiet period', () => {
  it('keeps quietPeriodDays between two different surveys of the site', () => {
    const site = recordShown('onboarding', NOW - 2 * DAY);
    expect(check(sampled, { quietPeriodDays: 7 }, site)).toMatchObject({
      eligible: false,
      rule: 'quietPeriodDays',
      until: NOW + 5 * DAY,
    });
    expect(check(sampled, { quietPeriodDays: 1 }, site).eligible).toBe(true);
  });

  it('leaves re-asking the same survey to its own rules', () => {
    expect(check(sampled, { quietPeriodDays: 7 }, recordShown('nps', NOW - DAY)).eligible).toBe(true);
  });
});

describe('refusal', () => {
  it('names the rule, and the time it stops saying no', () => {
    expect(refusal({ eligible: false, rule: 'sampleRate', until: null })).toBe('sampleRate');
    expect(refusal({ eligible: false, rule: 'resurveyDays', until: Date.parse('2027-03-01T09:30:00Z') })).toBe('resurveyDays, until 2027-03-01T09:30:00.000Z');
  });
});

describe('combinations', () => {
  it('gives the most lasting reason first', () => {
    const everything = recordDismissal(recordResponse({ ...emptyHistory, draw: 0.9 }, NOW), NOW);
    expect(check(everything, { sampleRate: 0.5 })).toMatchObject({ eligible: false, rule: 'sampleRate' });
    expect(check({ ...everything, draw: 0.1 }, { sampleRate: 0.5 })).toMatchObject({ rule: 'resurveyDays' });
  });

  it('shows only when every rule allows', () => {
    const history = recordAsk(recordDismissal(recordResponse(sampled, NOW - 100 * DAY), NOW - 40 * DAY), rules, NOW - 20 * DAY);
    const site = recordShown('other', NOW - 8 * DAY);
    expect(check(history, { quietPeriodDays: 7, firstSurveyDelayDays: 30 }, site, NOW - 31 * DAY)).toEqual({ eligible: true });
  });
});

describe('stored state', () => {
  it('reads back what was stored and starts afresh from anything malformed', () => {
    const history = recordAsk(sampled, rules, NOW);
    expect(parseHistory(JSON.stringify(history))).toEqual(history);
    expect(parseHistory('{"asks":"many"}')).toEqual(emptyHistory);
    expect(parseHistory('nonsense')).toEqual(emptyHistory);
    const site = recordShown('nps', NOW);
    expect(parseSiteHistory(JSON.stringify(site))).toEqual(site);
    expect(parseSiteHistory('[]')).toEqual(emptySiteHistory);
  });
});
