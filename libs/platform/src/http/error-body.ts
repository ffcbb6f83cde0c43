// The one error shape of the API (DESIGN §7).
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: Record<string, unknown>;
  };
}

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}

// Errors that cross the application boundary carry a stable code and, optionally, details.
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export function isCodedError(error: unknown): error is CodedError {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as unknown as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z]+\./.test(code);
}
