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
