import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { JobPayloadError, assertPayload, defineJob, type JobDefinition } from './define';

const base: JobDefinition = {
  name: 'reminders.send',
  payload: Type.Object({ reminderId: Type.String({ format: 'uuid' }) }),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 60,
  async handle() {},
};

describe(defineJob.name, () => {
  it('accepts a job named area.verb-noun', () => {
    expect(defineJob(base)).toBe(base);
    expect(defineJob({ ...base, name: 'attestations.render-pdf' }).name).toBe('attestations.render-pdf');
  });

  it.each(['reminders', 'Reminders.send', 'reminders.send_now', 'reminders.send.now', 'reminders:send'])('refuses the name %s', (name) => {
    expect(() => defineJob({ ...base, name })).toThrow(/area\.verb-noun/);
  });

  it('refuses a bad retry policy, time limit, concurrency or schedule', () => {
    expect(() => defineJob({ ...base, retry: { ...base.retry, limit: -1 } })).toThrow(/retry.limit/);
    expect(() => defineJob({ ...base, timeoutSeconds: 24 * 3600 })).toThrow(/timeoutSeconds/);
    expect(() => defineJob({ ...base, concurrency: 0 })).toThrow(/concurrency/);
    expect(() => defineJob({ ...base, schedule: { cron: '0 3 * *', payload: {} } })).toThrow(/five fields/);
    expect(() => defineJob({ ...base, schedule: { cron: '0 3 * * *', payload: {} } })).toThrow(JobPayloadError);
  });
});

describe(assertPayload.name, () => {
  it('names the first wrong field', () => {
    expect(() => assertPayload(base, { reminderId: 'nope' })).toThrow(/invalid payload for job reminders\.send: \/reminderId/);
    expect(() => assertPayload(base, { reminderId: '2f1b0c4e-8a4e-4d36-9a36-3c1f0f3b7a11' })).not.toThrow();
  });
});
