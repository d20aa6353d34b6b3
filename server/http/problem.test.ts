import { describe, expect, it } from 'vitest';
import { errorForLog, isDatabaseUnavailable } from './problem';

/** The shape drizzle-orm gives a failed query: the SQL, its parameters, the driver's error as cause. */
function failedQuery(cause: Error): Error {
  return Object.assign(new Error(`Failed query: select * from users where email = $1\nparams: amina@example.org`, { cause }), {
    name: 'DrizzleQueryError',
    query: 'select * from users where email = $1',
    params: ['amina@example.org'],
  });
}

describe(isDatabaseUnavailable.name, () => {
  it('sees a lost database through the query wrapper: refused connection, admin shutdown, dropped connection', () => {
    expect(isDatabaseUnavailable(failedQuery(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })))).toBe(true);
    expect(isDatabaseUnavailable(failedQuery(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })))).toBe(true);
    expect(isDatabaseUnavailable(failedQuery(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }))).toBe(true);
  });

  it('does not take a real query error for an outage', () => {
    expect(isDatabaseUnavailable(failedQuery(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});

describe(errorForLog.name, () => {
  it('keeps the driver’s cause of a failed query but neither its SQL nor its parameters', () => {
    const logged = JSON.stringify(errorForLog(failedQuery(Object.assign(new Error('duplicate key value'), { code: '23505' }))));
    expect(logged).toContain('duplicate key value');
    expect(logged).toContain('23505');
    expect(logged).not.toContain('amina@example.org');
    expect(logged).not.toContain('select');
  });
});
