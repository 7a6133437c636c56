/**
 * GET /responses filters and paging, and erasure by user, on PGlite and on PostgreSQL through
 * the receiver's HTTP surface: every filter alone and combined answers what the same rule
 * picks in JavaScript, in order; `limit` pages chained by their Link headers give every record
 * once, also while answers keep arriving; CSV cells stay text; DELETE /responses?userId= erases
 * a person's answers and nothing else.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';
import { parseCsv } from '../../src/core/results/csv.js';
import { migrate } from '../../src/server/store/migrations.js';
import { ANY_RESPONSE, PAGE, refreshStatistics } from '../../src/server/store/responses.js';
import { seedResponses } from '../seed-responses.mjs';
import { scoreOnly, startReceiver, submitted, TOKEN, type TestReceiver } from './receivers.js';
import { STORES } from './stores.js';

const DAY = 86_400_000;
const START = Date.parse('2026-10-01T00:00:00.000Z');

interface Seed {
  score: number;
  comment: string | null;
  day: number;
  /** Submitted; by default when there is a comment. */
  complete?: boolean;
  consent?: boolean;
  userId?: string | number;
}

/** A response as the widget delivers it, `day` days after 1 October (a few minutes apart within a day). */
function delivery(surveyId: string, { score, comment, day, complete = comment !== null, consent, userId }: Seed, minute: number): NpsResponse {
  const base = complete ? submitted(score, comment ?? '', { surveyId }) : scoreOnly(score, { surveyId });
  const createdAt = new Date(START + day * DAY + minute * 60_000).toISOString();
  const user = userId === undefined ? null : { id: userId, plan: 'pro' };
  // The comment as given (the widget trims it; another client may not).
  const record: NpsResponse = { ...base, comment, createdAt, sentAt: createdAt, user };
  if (consent !== undefined) record.consentToContact = consent;
  return record;
}

const SEEDS: Seed[] = [
  { score: 0, comment: 'Slow CHECKOUT, 50%_off was a lie', day: 0, consent: true, userId: 'ann' },
  { score: 3, comment: 'checkout broke twice', day: 1, consent: false, userId: 'bob' },
  { score: 6, comment: null, day: 1 },
  { score: 7, comment: '   ', day: 2, consent: true },
  { score: 8, comment: 'Fine. 50% off would be nicer', day: 3, consent: true, userId: 42 },
  { score: 9, comment: 'Love the checkout', day: 3 },
  { score: 10, comment: null, day: 4, complete: true, consent: true, userId: 'ann' },
  { score: 2, comment: 'Checkout_page froze', day: 5, consent: true },
  { score: 5, comment: 'meh', day: 6 },
  { score: 9, comment: 'Great', day: 6, consent: false },
];

const ids = (records: readonly NpsResponse[]) => records.map((record) => record.id);

/** The rules of docs/export-and-erasure.md, written again in JavaScript. */
const RULES: Record<string, (record: NpsResponse, value: string) => boolean> = {
  category: (record, value) => value.split(',').includes(record.category),
  consent: (record) => record.consentToContact === true,
  complete: (record, value) => String(record.complete) === value,
  comment: (record) => (record.comment ?? '').trim() !== '',
  q: (record, value) => (record.comment ?? '').toLowerCase().includes(value.toLowerCase()),
  from: (record, value) => record.createdAt >= `${value}T00:00:00.000Z`,
  to: (record, value) => record.createdAt < new Date(Date.parse(`${value}T00:00:00.000Z`) + DAY).toISOString(),
};

function expected(records: readonly NpsResponse[], query: string): string[] {
  const params = new URLSearchParams(query);
  const kept = records.filter((record) => [...params].every(([name, value]) => RULES[name]?.(record, value) ?? true));
  const direction = params.get('order') === 'newest' ? -1 : 1;
  return ids([...kept].sort((a, b) => direction * (a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))));
}

/** Every record the Link chain from `path` leads to, page by page. */
async function follow(r: TestReceiver, path: string): Promise<NpsResponse[][]> {
  const pages: NpsResponse[][] = [];
  let next: string | null = path;
  while (next !== null) {
    const answer = await r.read(next);
    expect(answer.status).toBe(200);
    pages.push(await answer.json());
    next = /^<([^>]+)>; rel="next"$/.exec(answer.headers.get('link') ?? '')?.[1] ?? null;
  }
  return pages;
}

describe.each(STORES)('GET /responses filters and DELETE /responses?userId= on $name', (kind) => {
  let r: TestReceiver;
  const surveyId = `filters-${kind.name}`;
  let records: NpsResponse[];

  beforeAll(async () => {
    r = await startReceiver({ storage: await kind.fresh(), rateLimit: 0 });
    records = SEEDS.map((seed, index) => delivery(surveyId, seed, index));
    for (const record of records) expect((await r.post(record)).status).toBe(201);
    // Another survey's answers never leak into this one's export.
    await r.post(delivery(`${surveyId}-other`, { score: 0, comment: 'checkout', day: 0, consent: true, userId: 'ann' }, 0));
  });
  afterAll(async () => {
    await r?.close();
  });

  const exported = async (query: string) => ids(await (await r.read(`/responses?surveyId=${surveyId}&${query}`)).json());

  it.each([
    'order=oldest',
    'order=newest',
    'category=detractor',
    'category=passive',
    'category=detractor,passive',
    'category=promoter,passive,detractor',
    'consent=true',
    'complete=true',
    'complete=false',
    'comment=true',
    'q=checkout',
    'q=50%25_off',
    'q=50%25',
    'q=_',
    'q=nothing-like-this',
    'from=2026-10-02&to=2026-10-04',
    // The closed-loop list as the dashboard asks for it.
    'category=detractor,passive&consent=true&order=newest',
    'category=detractor&comment=true&q=CHECKOUT',
    'consent=true&complete=true&comment=true&from=2026-10-02',
    'category=promoter&complete=false&order=newest',
  ])('answers %s with exactly the matching records, in order', async (query) => {
    expect(await exported(query)).toEqual(expected(records, query));
  });

  it('finds `%` and `_` as themselves, not as wildcards', async () => {
    expect(await exported('q=50%25_off')).toEqual([records[0]!.id]);
    expect(await exported('q=_')).toEqual([records[0]!.id, records[7]!.id]);
  });

  it('filters NDJSON and CSV alike', async () => {
    const query = `surveyId=${surveyId}&category=detractor&consent=true`;
    const lines = (await (await r.read(`/responses?${query}&format=ndjson`)).text()).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as NpsResponse).id)).toEqual(expected(records, 'category=detractor&consent=true'));
    const rows = parseCsv(await (await r.read(`/responses?${query}&format=csv`)).text()).rows;
    expect(rows.slice(1).map((row) => row[0])).toEqual(expected(records, 'category=detractor&consent=true'));
  });

  it('pages with limit: a Link to the next page while more remain, none on the last', async () => {
    for (const query of ['order=oldest', 'order=newest', 'category=detractor,passive']) {
      const pages = await follow(r, `/responses?surveyId=${surveyId}&${query}&limit=3`);
      expect(pages.map((page) => page.length)).toEqual(sizes(expected(records, query).length, 3));
      expect(ids(pages.flat())).toEqual(expected(records, query));
    }
    // Exactly a page's worth: no Link, so no empty page after it.
    const whole = await r.read(`/responses?surveyId=${surveyId}&limit=10`);
    expect(whole.headers.get('link')).toBeNull();
    expect(await whole.json()).toHaveLength(10);
  });

  it('keeps the filters and format in the Link, and the next page is one the client may fetch as it is', async () => {
    const answer = await r.read(`/responses?surveyId=${surveyId}&format=ndjson&complete=true&limit=2`);
    const link = answer.headers.get('link') ?? '';
    expect(link).toMatch(/^<\/responses\?surveyId=[^>]+&format=ndjson&complete=true&limit=2&cursor=[\w-]+>; rel="next"$/);
    const [cursor] = /cursor=([\w-]+)/.exec(link) ?? [];
    // A cursor without a limit streams everything after it.
    const rest = await r.read(`/responses?surveyId=${surveyId}&complete=true&${cursor}`);
    expect(ids(await rest.json())).toEqual(expected(records, 'complete=true').slice(2));
  });

  it('gives every record once while answers keep arriving between pages', async () => {
    const busy = `${surveyId}-busy`;
    const before = Array.from({ length: 40 }, (_, index) => delivery(busy, { score: index % 11, comment: `c${index}`, day: index % 8 }, index));
    await Promise.all(before.map((record) => r.post(record)));
    const arrived: NpsResponse[] = [];
    const seen: NpsResponse[] = [];
    let reading: Promise<Response> | null = r.read(`/responses?surveyId=${busy}&limit=6`);
    for (let round = 0; reading !== null; round++) {
      const page: Response = await reading;
      seen.push(...((await page.json()) as NpsResponse[]));
      const next = /^<([^>]+)>/.exec(page.headers.get('link') ?? '')?.[1];
      // The next page is read while new answers arrive, both before and after its cursor.
      reading = next === undefined ? null : r.read(next);
      const late = [delivery(busy, { score: 9, comment: 'late', day: 0 }, 900 + round), delivery(busy, { score: 1, comment: 'late', day: 7 }, 900 + round)];
      arrived.push(...late);
      await Promise.all(late.map((record) => r.post(record)));
    }
    const seenIds = ids(seen);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(seenIds.filter((id) => ids(before).includes(id)).sort()).toEqual(ids(before).sort());
    // Whatever arrived is either seen once or not at all, and order never goes back.
    expect(seenIds.every((id) => ids(before).includes(id) || ids(arrived).includes(id))).toBe(true);
    const times = seen.map((record) => `${record.createdAt} ${record.id}`);
    expect(times).toEqual([...times].sort());
  });

  it('writes every formula-leading cell as text in a CSV export', async () => {
    const formulas = `${surveyId}-formulas`;
    const hostile = ['=1+2', '+SUM(A1)', '-3+4', '@cmd', '\t=tab', '\r=cr', 'fine'];
    for (const [index, comment] of hostile.entries()) {
      await r.post({ ...delivery(formulas, { score: 5, comment: 'x', day: 0, userId: `=u${index}` }, index), comment });
    }
    const rows = parseCsv(await (await r.read(`/responses?surveyId=${formulas}&format=csv&comment=true`)).text()).rows;
    const header = rows[0] ?? [];
    const comments = rows.slice(1).map((row) => row[header.indexOf('comment')]);
    expect(comments).toEqual(["'=1+2", "'+SUM(A1)", "'-3+4", "'@cmd", "'\t=tab", "'\r=cr", 'fine']);
    // Every cell of every row: nothing a spreadsheet would run.
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('refuses a bad value with 400 and the reason', async () => {
    for (const [query, reason] of [
      ['category=happy', 'category "happy" is not one'],
      ['limit=5000', 'limit is "5000"'],
      ['cursor=not-a-cursor', 'cursor "not-a-cursor" is not one this receiver gave'],
      ['timeZone=Mars/Olympus', 'Mars/Olympus'],
    ] as const) {
      const refused = await r.read(`/responses?${query}`);
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toContain(reason);
    }
  });

  const erase = (userId: string, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) =>
    r.call(`/responses?userId=${encodeURIComponent(userId)}`, { method: 'DELETE', headers });

  describe('DELETE /responses?userId=', () => {
    it('erases every response of one user.id, in every survey, and nothing else', async () => {
      const annIds = records.filter((record) => record.user?.['id'] === 'ann').map((record) => record.id);
      expect(annIds).toHaveLength(2);
      const first = await erase('ann');
      expect([first.status, await first.json()]).toEqual([200, { deleted: 3 }]);
      const left = await exported('');
      expect(left).toEqual(ids(records).filter((id) => !annIds.includes(id)));
      expect(await (await r.read(`/responses?surveyId=${surveyId}-other`)).json()).toEqual([]);
      // Erasure is idempotent: nothing left is 200 with 0.
      const again = await erase('ann');
      expect([again.status, await again.json()]).toEqual([200, { deleted: 0 }]);
    });

    it('matches a number user.id by its text', async () => {
      expect(await (await erase('42')).json()).toEqual({ deleted: 1 });
      expect(await exported('')).not.toContain(records[4]!.id);
    });

    it('needs the token and a userId', async () => {
      expect((await erase('bob', {})).status).toBe(401);
      expect((await erase('bob', { Authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
      expect(await exported('')).toContain(records[1]!.id);
      const missing = await r.call('/responses', { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(missing.status).toBe(400);
      expect((await missing.json()).error).toContain('parameter "userId" is required');
      const unknownId = randomUUID();
      expect(await (await erase(unknownId)).json()).toEqual({ deleted: 0 });
    });
  });
});

describe.each(STORES)('export pages on $name after a bulk load', (kind) => {
  it('walk the index, never sort what remains: the statistics are brought up to date first', { timeout: 240_000 }, async () => {
    const db = await (await kind.fresh()).open();
    try {
      await migrate(db);
      await seedResponses((text, params) => db.query(text, params), { rows: 3000, surveyId: 'a' });
      await seedResponses((text, params) => db.query(text, params), { rows: 3000, surveyId: 'b' });
      const filter = { ...ANY_RESPONSE, span: { timeZone: 'UTC', from: null, before: null }, surveyId: 'a' };
      const params = [
        filter.surveyId,
        null,
        null,
        null,
        null,
        'UTC',
        null,
        null,
        false,
        false,
        null,
        '2025-12-01T00:10:00.000000Z',
        '00000000-0000-0000-0000-000000000000',
        1001,
      ];
      const plan = async () => (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${PAGE.oldest}`, params)).map((row) => row['QUERY PLAN']).join('\n');
      // PostgreSQL reports changed rows to its statistics within a second or so; PGlite at once.
      await expect.poll(async () => (await refreshStatistics(db)) || !/Sort/.test(await plan()), { timeout: 15_000 }).toBe(true);
      expect(await plan()).not.toMatch(/Sort/);
      expect(await plan()).toMatch(/Index Scan using nps_responses_survey_time/);
      // Fresh statistics are left alone (PostgreSQL may take a moment to report the ANALYZE).
      await expect.poll(() => refreshStatistics(db), { timeout: 15_000 }).toBe(false);
    } finally {
      await db.close();
    }
  });
});

/** Page sizes of `total` records `size` at a time (at least one page, perhaps empty). */
function sizes(total: number, size: number): number[] {
  const full = Array.from({ length: Math.floor(total / size) }, () => size);
  return total % size === 0 && total > 0 ? full : [...full, total % size];
}
