// When a failed delivery is tried again: exponential backoff with "equal jitter" (half the
// delay fixed, half random), so that receivers that failed together are not hit together again.
// https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

// `attempt`: the number of the attempt that just failed, from 1; `random` in [0, 1).
// Null: that was the last try, the delivery is dead.
export function nextRetryDelayMs(policy: RetryPolicy, attempt: number, random: number, attemptLimit = policy.maxAttempts): number | null {
  if (attempt >= attemptLimit) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export type AttemptOutcome =
  | { readonly kind: 'delivered'; readonly statusCode: number }
  | { readonly kind: 'failed'; readonly statusCode: number | null; readonly error: string };

// Any 2xx accepts; a redirect is not followed and counts as a failure, like any other answer.
export function outcomeOfStatus(statusCode: number): AttemptOutcome {
  if (statusCode >= 200 && statusCode < 300) return { kind: 'delivered', statusCode };
  const error = statusCode >= 300 && statusCode < 400 ? 'redirect not followed' : `HTTP ${statusCode}`;
  return { kind: 'failed', statusCode, error };
}
