// The broker cannot be reached. The message is one line a person can act on; the client's
// error stays in `cause` for logs.
export class TransportUnavailableError extends Error {
  readonly code = 'PLATFORM.TRANSPORT_UNAVAILABLE';
}

export class TransportClosedError extends Error {
  readonly code = 'PLATFORM.TRANSPORT_CLOSED';
}
