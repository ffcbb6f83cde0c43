import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { Pool } from 'pg';

// What a reliability run works against: a database of its own on the machine's PostgreSQL (or
// RELIABILITY_DATABASE_URL's server), and Kafka on KAFKA_PORT (default 9492, started here by
// test/infra/kafka.sh unless KAFKA_BROKERS is given).
export interface RunEnvironment {
  readonly name: string;
  readonly logDir: string;
  readonly adminUrl: string;
  readonly databaseUrl: string;
  readonly kafkaPort: number;
  readonly kafkaBrokers: string;
  readonly startedKafka: boolean;
  readonly pool: Pool;
  close(): Promise<void>;
}

export async function prepareRun(kind: string): Promise<RunEnvironment> {
  const name = `dyad_${kind}_${Date.now()}`;
  const logDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const adminUrl = process.env.RELIABILITY_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, name);
  const kafkaPort = Number(process.env.KAFKA_PORT ?? 9492);
  let kafkaBrokers = process.env.KAFKA_BROKERS ?? '';
  const startedKafka = !kafkaBrokers;
  if (startedKafka) {
    // A broker already there belongs to someone else: using it, and stopping it at the end, would not do.
    if (await portAnswers(kafkaPort)) throw new Error(`127.0.0.1:${kafkaPort} is taken; choose another KAFKA_PORT`);
    await kafka('start', kafkaPort);
    kafkaBrokers = `127.0.0.1:${kafkaPort}`;
  }
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  console.log(`${kind}: database ${name}, Kafka ${kafkaBrokers}, logs in ${logDir}`);
  return {
    name,
    logDir,
    adminUrl,
    databaseUrl,
    kafkaPort,
    kafkaBrokers,
    startedKafka,
    pool,
    async close() {
      await pool.end();
      if (startedKafka) await kafka('stop', kafkaPort);
      if (process.env.RELIABILITY_KEEP_DATABASE) return;
      const cleanup = new Pool({ connectionString: adminUrl, max: 1 });
      await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await cleanup.end();
    },
  };
}

// Asynchronous, so that the clients of a run keep sending while the broker stops and starts.
export async function kafka(command: 'start' | 'stop', port: number): Promise<void> {
  // A KAFKA_DIR set for another broker (CI's) must not be shared by this one.
  const { KAFKA_DIR: _other, ...env } = process.env;
  const { stdout } = await promisify(execFile)('test/infra/kafka.sh', [command], { env: { ...env, KAFKA_PORT: String(port) } });
  process.stdout.write(stdout);
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// The settings every Dyad process of a run shares.
export function dyadEnv(run: RunEnvironment, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: run.databaseUrl,
    KAFKA_BROKERS: run.kafkaBrokers,
    KAFKA_NAMESPACE: `${run.name}.`,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DYAD_RATE_LIMIT_PER_KEY: '0',
    DYAD_RATE_LIMIT_PER_ADDRESS: '0',
    ...extra,
  };
}
