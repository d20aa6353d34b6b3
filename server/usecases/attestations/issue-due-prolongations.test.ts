/**
 * The attestations de prolongation issue themselves [R-31, policy 4]: applications are filed
 * through the API (test clock), then the job's use case runs on chosen days.
 */
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attestations } from '../../db/schema/index';
import { loadEnv } from '../../env';
import { TINY_PNG } from '../applications/test-pdfs';
import { createApplicationsTestApp, fillChecklist, ok, recordCard, signedIn, startDraft } from '../../http/routes/applications/test-kit';
import { keysOf } from './context';
import { issueDueProlongations } from './issue-due-prolongations';
import { pdfText } from './test-support';
import { renderRow } from './render-attestation';

const ctx = await createApplicationsTestApp('2026-10-01T10:00:00Z');
const { clock, db } = ctx;
const keys = keysOf(loadEnv({ NODE_ENV: 'test', DATA_DIR: ctx.dataDir }));
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

/** A visiteur card expiring on `validUntil`, renewal filed on `filedAt` (a Paris morning). */
async function filedApplication(validUntil: string, filedAt: string): Promise<{ id: string; withdraw: () => Promise<void> }> {
  clock.now = new Date(filedAt);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil, cardType: 'visiteur' });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
  return {
    id: draft.id,
    withdraw: async () => {
      ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/withdraw`));
    },
  };
}

const run = (today: string) => issueDueProlongations({ db, keys, now: () => new Date(`${today}T09:00:00Z`) }, today);
const prolongationsOf = (applicationId: string) =>
  db
    .select()
    .from(attestations)
    .where(and(eq(attestations.applicationId, applicationId), eq(attestations.kind, 'prolongation')))
    .orderBy(asc(attestations.validUntilOn));

describe(issueDueProlongations.name, () => {
  it('issues the first one on the card’s last day, valid 3 months from the next day, once however often it runs', async () => {
    const { id } = await filedApplication('2026-12-31', '2026-10-01T08:00:00Z');
    await run('2026-12-30');
    expect(await prolongationsOf(id)).toEqual([]);

    await run('2026-12-31');
    await run('2026-12-31');
    const [first, ...more] = await prolongationsOf(id);
    expect(more).toEqual([]);
    expect(first).toMatchObject({ issuedOn: '2026-12-31', validUntilOn: '2027-03-31', supersededAt: null });
    const { dates } = first!.facts;
    expect(dates).toEqual([
      expect.objectContaining({ id: 'filed_on', on: '2026-10-01' }),
      expect.objectContaining({ id: 'valid_from', on: '2027-01-01', ruleId: 'R-31', citation: expect.stringContaining('R.431-15-1') }),
      expect.objectContaining({ id: 'valid_until', on: '2027-03-31', ruleId: 'R-31' }),
    ]);
    // The document says it, with its legal basis.
    const text = pdfText(await renderRow(first!, 'fr', 'https://sejour.example'));
    expect(text).toContain('1 janvier 2027');
    expect(text).toContain('31 mars 2027');
    expect(text).toContain('R.431-15-1');
  });

  it('renews it on the last day of the previous one, which is then superseded; a service that was down catches up', async () => {
    const { id } = await filedApplication('2026-12-31', '2026-10-02T08:00:00Z');
    await run('2027-03-31');
    const afterRenewal = await prolongationsOf(id);
    // Down from before the card's end until 31 March: both periods are issued, the newest last.
    expect(afterRenewal.map((row) => ({ until: row.validUntilOn, current: row.supersededAt === null }))).toEqual([
      { until: '2027-03-31', current: false },
      { until: '2027-06-30', current: true },
    ]);
    expect(afterRenewal[0]!.supersededBy).toBe(afterRenewal[1]!.id);

    await run('2027-06-30');
    const third = await prolongationsOf(id);
    expect(third.map((row) => row.validUntilOn)).toEqual(['2027-03-31', '2027-06-30', '2027-09-30']);
    expect(third.filter((row) => row.supersededAt === null).map((row) => row.validUntilOn)).toEqual(['2027-09-30']);
  });

  it('issues nothing for a late filing, a withdrawn application or a card that has not ended', async () => {
    // Filed 30 days before expiry: after the window → late, no attestation owed.
    const late = await filedApplication('2026-12-31', '2026-12-01T08:00:00Z');
    const withdrawn = await filedApplication('2026-12-31', '2026-10-03T08:00:00Z');
    await withdrawn.withdraw();
    const notYet = await filedApplication('2027-03-31', '2026-12-15T08:00:00Z');
    const inTime = await filedApplication('2026-12-31', '2026-10-04T08:00:00Z');

    await run('2027-01-15');
    expect(await prolongationsOf(late.id)).toEqual([]);
    expect(await prolongationsOf(withdrawn.id)).toEqual([]);
    expect(await prolongationsOf(notYet.id)).toEqual([]);
    // The same run did issue the one that is owed.
    expect((await prolongationsOf(inTime.id)).map((row) => row.validUntilOn)).toEqual(['2027-03-31']);
  });
});
