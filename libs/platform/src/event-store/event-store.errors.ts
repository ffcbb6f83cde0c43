export class ConcurrencyError extends Error {
  readonly code = 'PLATFORM.VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`);
  }
}

// Some, not all, of an append's event ids are already in the log: the caller reused ids of
// another append. A full retry of an earlier append is not an error (`alreadyAppended`).
export class DuplicateEventIdError extends Error {
  readonly code = 'PLATFORM.DUPLICATE_EVENT_ID';
}

export class InvalidAppendError extends Error {
  readonly code = 'PLATFORM.INVALID_APPEND';
}

export class InvalidLogPositionError extends Error {
  readonly code = 'PLATFORM.INVALID_LOG_POSITION';
  constructor(readonly value: string) {
    super(`Invalid log position "${value}": expected "<transaction id>.<global position>"`);
  }
}
