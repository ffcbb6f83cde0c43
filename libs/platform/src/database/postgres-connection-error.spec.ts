import { isConnectionFailure, postgresConnectionError } from './postgres-connection-error';

describe('postgresConnectionError', () => {
  it('should name the server and the reason in one line when the connection is refused', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' });
    const error = postgresConnectionError(refused, 'postgres://dyad:secret@127.0.0.1:5999/dyad');
    expect(error.message).toBe('Cannot reach PostgreSQL at 127.0.0.1:5999/dyad: connection refused');
    expect(error.cause).toBe(refused);
  });

  it('should read the code of the first error when node reports an AggregateError', () => {
    const aggregate = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '');
    expect(postgresConnectionError(aggregate, 'postgres://localhost/db').message).toBe(
      'Cannot reach PostgreSQL at localhost:5432/db: connection refused',
    );
  });

  it('should keep only the first line of an unknown error when it has no known code', () => {
    const error = postgresConnectionError(new Error('boom\n  at somewhere'), 'postgres://h:1/d');
    expect(error.message).toBe('Cannot reach PostgreSQL at h:1/d: boom');
  });

  it('should never repeat the password when the URL carries one', () => {
    const error = postgresConnectionError(new Error('x'), 'postgres://u:hunter2@h/d');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('isConnectionFailure', () => {
  it.each([
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a refused connect', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['the driver losing its socket', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
  ])('should be true for %s', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a wrong password', Object.assign(new Error('password authentication failed'), { code: '28P01' })],
    ['a plain error', new Error('boom')],
  ])('should be false for %s', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});
