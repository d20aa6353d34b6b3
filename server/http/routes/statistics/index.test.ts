import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/app';
import { prefectureStatistics } from '../../../db/schema/index';
import { computeStatistics } from '../../../usecases/statistics/compute-statistics';
import { NOW, TODAY, addDays, insertKnownSet } from '../../../usecases/statistics/test-kit';

const ctx = await createTestApp({}, { now: () => NOW });
const db = ctx.database.db;

beforeAll(async () => {
  await insertKnownSet(db);
  // Yesterday's computation (a trend needs two days), then today's.
  await computeStatistics({ db, now: () => new Date(NOW.getTime() - 86_400_000) });
  await computeStatistics({ db, now: () => NOW });
});

const get = (url: string) => ctx.app.inject({ method: 'GET', url });

describe('GET /api/v1/statistics', () => {
  it('gives every prefecture and France the chosen measure of the latest computation, anonymously', async () => {
    const response = await get('/api/v1/statistics?measure=prolongation_p90_days&window=30');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ computedOn: TODAY, window: 30, cardType: 'all', measure: 'prolongation_p90_days' });
    const byScope = new Map(body.items.map((i: { scope: string }) => [i.scope, i]));
    expect(byScope.get('75')).toMatchObject({ value: 18, figures: { applications_filed: 20, prolongation_median_days: 10, decision_p90_days: 19, gap_share: 0.3 } });
    expect(byScope.get('FR')).toMatchObject({ name: 'France', value: 18, figures: { applications_filed: 29, gap_share: 0.1579 } });
    expect(body.items.length).toBeGreaterThan(100);
  });

  it('shows "not enough data" (null) for a prefecture with fewer than 10 applications, and for one with none', async () => {
    const body = (await get('/api/v1/statistics?measure=applications_filed&window=30')).json();
    const thirteen = body.items.find((i: { scope: string }) => i.scope === '13');
    expect(thirteen.value).toBeNull();
    expect(Object.values(thirteen.figures).every((v) => v === null)).toBe(true);
    expect(body.items.find((i: { scope: string }) => i.scope === '2A').value).toBeNull();
  });

  it('refuses an unknown measure or window with a problem+json 400', async () => {
    for (const url of ['/api/v1/statistics?measure=happiness', '/api/v1/statistics?window=7']) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('GET /api/v1/statistics/:scope', () => {
  it('gives one prefecture’s trend over the stored days, oldest first', async () => {
    const body = (await get('/api/v1/statistics/75?window=365')).json();
    expect(body.points.map((p: { computedOn: string }) => p.computedOn)).toEqual([addDays(TODAY, -1), TODAY]);
    expect(body.points[1].figures).toMatchObject({ applications_filed: 30, tacit_refusals: 10, gap_count: 3 });
  });

  it('refuses a code that is no département with a 400 and accepts FR for the national trend', async () => {
    expect((await get('/api/v1/statistics/975')).statusCode).toBe(400);
    expect((await get('/api/v1/statistics/FR')).statusCode).toBe(200);
  });
});

describe('open data', () => {
  it('serves the latest computation as CSV with its licence and date, which parses back to the same figures', async () => {
    const response = await get('/api/v1/statistics.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trimEnd().split('\n');
    expect(lines[0]).toContain('Licence Ouverte');
    expect(lines[1]).toBe(`# computed_on=${TODAY}`);
    const header = (lines[2] ?? '').split(',');
    const records = lines.slice(3).map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])));
    const stored = await db.select().from(prefectureStatistics);
    expect(records.length).toBe(stored.filter((r) => r.computedOn === TODAY).length);
    const paris = records.find((r) => r.scope === '75' && r.window_days === '30' && r.card_type === 'all');
    expect(paris).toMatchObject({ computed_on: TODAY, applications_filed: '20', prolongation_median_days: '10', prolongation_p90_days: '18', gap_share: '0.3', message_answer_median_days: '' });
    const marseille = records.find((r) => r.scope === '13' && r.window_days === '30' && r.card_type === 'all');
    expect(marseille?.applications_filed).toBe('');
  });

  it('serves the same rows as JSON with the licence line and the computation date', async () => {
    const body = (await get('/api/v1/statistics.json')).json();
    expect(body.licence).toContain('Licence Ouverte');
    expect(body.computedOn).toBe(TODAY);
    expect(body.rows).toContainEqual(expect.objectContaining({ scope: 'FR', window_days: 30, card_type: 'all', applications_filed: 29, decision_median_days: 7 }));
  });
});
