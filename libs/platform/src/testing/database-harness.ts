import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { loadConfig } from '../config/config.schema';
import { PgliteDatabase } from '../database/pglite-database.adapter';

// Where PostgreSQL suites find a server: DATABASE_URL when set (CI, or a developer's server);
// else a testcontainers PostgreSQL when a Docker engine answers; else nowhere, and the suites say
// they were skipped. With CI=true a suite never skips: it fails and says why. Each suite gets a
// database of its own, created for it and dropped after, so suites never share or truncate tables.
// PGlite in memory needs nothing and is always there.

export interface PostgresTestDatabase {
  // A URL to a database that only this suite uses.
  readonly url: string;
}

type Source = 'env' | 'testcontainers' | 'none';

const CONTAINER_IMAGE = 'postgres:17-alpine';

const inCi = () => process.env.CI === 'true';

export function openPgliteTestDatabase(): Promise<PgliteDatabase> {
  return PgliteDatabase.open();
}

// `describe` for suites that need PostgreSQL; `name` should say so (e.g. "... [postgres]").
export function describePostgres(name: string, body: (database: () => PostgresTestDatabase) => void): void {
  const from = source();
  if (from === 'none' && !inCi()) {
    console.log(`${name}: skipped, no PostgreSQL (set DATABASE_URL or run a Docker engine)`);
    describe.skip(name, () => body(() => notStarted()));
    return;
  }
  describe(name, () => {
    let database: (PostgresTestDatabase & { drop(): Promise<void> }) | undefined;
    beforeAll(async () => {
      if (from === 'none') {
        throw new Error('CI=true and no PostgreSQL: set DATABASE_URL (.ci/run creates a database and exports it)');
      }
      database = from === 'env' ? await freshDatabase(loadConfig().DATABASE_URL as string, async () => undefined) : await fromContainer();
    }, 180_000);
    afterAll(async () => {
      await database?.drop();
    });
    body(() => database ?? notStarted());
  });
}

function notStarted(): never {
  throw new Error('The PostgreSQL harness is not started');
}

function source(): Source {
  if (loadConfig().DATABASE_URL) return 'env';
  return dockerAnswers() ? 'testcontainers' : 'none';
}

// A socket file alone does not mean a running engine: ask it, with a short timeout, in a child
// process so that the answer is known while jest collects the suites (synchronously).
export function dockerAnswers(): boolean {
  const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  let target: object;
  if (host.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    target = { host: url.hostname, port: Number(url.port) || 2375 };
  } else {
    const socketPath = host.replace(/^unix:\/\//, '');
    if (!existsSync(socketPath)) return false;
    target = { socketPath };
  }
  const ping = `require('http').get({ ...${JSON.stringify(target)}, path: '/_ping', timeout: 1500 }, (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1)).on('timeout', () => process.exit(1))`;
  return spawnSync(process.execPath, ['-e', ping], { timeout: 3_000 }).status === 0;
}

async function fromContainer() {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(CONTAINER_IMAGE).start();
  return freshDatabase(container.getConnectionUri(), async () => void (await container.stop()));
}

async function freshDatabase(serverUrl: string, release: () => Promise<void>) {
  const name = `dyad_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
        await release();
      }
    },
  };
}
