import { DatabaseUnavailableError } from './database.errors';

// Driver and socket errors, as `pg` reports them, turned into one line that names the server
// and the reason. The password of the URL is never part of the message.
const reasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'connection reset',
  '28P01': 'password authentication failed',
  '28000': 'authentication rejected',
  '3D000': 'database does not exist',
  '53300': 'too many connections',
  '57P03': 'the server is starting up or shutting down',
};

export function postgresConnectionError(error: unknown, url: string): DatabaseUnavailableError {
  const target = describeTarget(url);
  const code = errorCode(error);
  const reason = (code && reasons[code]) ?? firstLine(error);
  return new DatabaseUnavailableError(`Cannot reach PostgreSQL at ${target}: ${reason}`, { cause: error });
}

function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${database ? `/${database}` : ''}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  // Node reports a refused dual-stack connect as an AggregateError of one error per address.
  return Array.isArray(errors) ? errorCode(errors[0]) : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] || 'unknown error').trim();
}

// Errors that say the server is out of reach, not that a statement was wrong: socket errors,
// the driver's own connection messages, and SQLSTATE class 08 (connection exception) and
// 57P01-03 (the server is shutting down or starting). A request that meets one is a 503.
const SERVER_GONE = /^(08...|57P0[1-3]|53300)$/;
const DRIVER_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable/i;

export function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  // Node's socket errors are named E…: ECONNRESET, ECONNREFUSED, ETIMEDOUT, EPIPE.
  if (code && (/^E[A-Z]+$/.test(code) || SERVER_GONE.test(code))) return true;
  return error instanceof Error && DRIVER_MESSAGES.test(error.message);
}
