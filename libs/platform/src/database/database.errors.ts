// Raised when the store cannot be opened. The message is one line a person can act on; the
// driver's error stays in `cause` for logs.
export class DatabaseUnavailableError extends Error {
  readonly code = 'PLATFORM.DATABASE_UNAVAILABLE';
}
