import { nextRetryDelayMs, outcomeOfStatus } from './retry-schedule';

const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000 };

describe('nextRetryDelayMs', () => {
  it('should double the ceiling at each attempt and stay between its half and itself', () => {
    expect([1, 2, 3].map((attempt) => nextRetryDelayMs(policy, attempt, 0))).toEqual([500, 1_000, 2_000]);
    expect([1, 2, 3].map((attempt) => nextRetryDelayMs(policy, attempt, 0.999_999))).toEqual([1_000, 2_000, 4_000]);
  });

  it('should cap the delay when the doubling passes the maximum', () => {
    expect(nextRetryDelayMs(policy, 4, 0.999_999)).toBe(5_000);
  });

  it('should give no delay (dead-letter) when the attempt was the last', () => {
    expect(nextRetryDelayMs(policy, 5, 0.5)).toBeNull();
    expect(nextRetryDelayMs(policy, 2, 0.5, 2)).toBeNull();
  });
});

describe('outcomeOfStatus', () => {
  it('should accept any 2xx', () => {
    expect(outcomeOfStatus(204)).toEqual({ kind: 'delivered', statusCode: 204 });
  });

  it('should count a redirect as a failure when it is not followed', () => {
    expect(outcomeOfStatus(302)).toEqual({ kind: 'failed', statusCode: 302, error: 'redirect not followed' });
  });

  it('should count a server error as a failure', () => {
    expect(outcomeOfStatus(503)).toMatchObject({ kind: 'failed', statusCode: 503 });
  });
});
