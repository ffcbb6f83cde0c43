import type { StatusByCode } from '../http/api-exception.filter';

export class UnauthenticatedError extends Error {
  readonly code = 'AUTH.UNAUTHENTICATED';
  readonly details: Record<string, unknown> = {};
}

export class ForbiddenScopeError extends Error {
  readonly code = 'AUTH.FORBIDDEN';
  constructor(readonly details: { readonly requiredScope: string }) {
    super(`This key lacks the ${details.requiredScope} scope`);
  }
}

export class RateLimitedError extends Error {
  readonly code = 'REQUEST.RATE_LIMITED';
  constructor(readonly details: { readonly limit: number; readonly windowSeconds: number; readonly retryAfterSeconds: number; readonly per: string }) {
    super(`Too many requests: at most ${details.limit} per ${details.windowSeconds} s per ${details.per}; retry in ${details.retryAfterSeconds} s`);
  }
}

export const SECURITY_STATUSES: StatusByCode = {
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.FORBIDDEN': 403,
  'REQUEST.RATE_LIMITED': 429,
};
