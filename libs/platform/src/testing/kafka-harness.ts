import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../config/config.schema';
import { dockerAnswers } from './database-harness';

// Where Kafka suites find a broker: KAFKA_BROKERS when set (CI, or test/infra/kafka.sh start);
// else a testcontainers broker when a Docker engine is there; else nowhere, and the suites say
// they were skipped. With CI=true a suite never skips: it fails and says why.

export interface KafkaHarness {
  readonly brokers: string[];
  // Present when the broker is test/infra/kafka.sh's, which a test may stop and start again.
  readonly control: BrokerControl | null;
  release(): Promise<void>;
}

export interface BrokerControl {
  stop(): Promise<void>;
  start(): Promise<void>;
}

type Source = 'env' | 'testcontainers' | 'none';

const KAFKA_SH = resolve(__dirname, '../../../../test/infra/kafka.sh');
// The image that @testcontainers/kafka 11 knows how to configure.
const CONTAINER_IMAGE = 'confluentinc/cp-kafka:7.9.0';
const run = promisify(execFile);

const inCi = () => process.env.CI === 'true';

function source(): Source {
  if (loadConfig().KAFKA_BROKERS) return 'env';
  return dockerAnswers() ? 'testcontainers' : 'none';
}

// `describe` for suites that need a broker. The name gets "[kafka]" so that a CI log shows
// which suites ran against a real broker and which were skipped.
export function describeKafka(name: string, body: (kafka: () => KafkaHarness) => void): void {
  const title = `[kafka] ${name}`;
  const from = source();
  if (from === 'none' && !inCi()) {
    console.log(`${title}: skipped, no broker (set KAFKA_BROKERS, e.g. after test/infra/kafka.sh start, or run a Docker engine)`);
    describe.skip(title, () => body(() => unreachable()));
    return;
  }
  describe(title, () => {
    let harness: KafkaHarness | undefined;
    beforeAll(async () => {
      if (from === 'none') {
        throw new Error('CI=true and no Kafka broker: set KAFKA_BROKERS (.ci/run starts test/infra/kafka.sh)');
      }
      harness = from === 'env' ? await fromEnvironment() : await fromContainer();
      // jest lists files, not suites, unless verbose: this line shows in a CI log what ran where.
      console.log(`${title}: running against ${harness.brokers.join(',')} (${from === 'env' ? 'KAFKA_BROKERS' : 'testcontainers'})`);
    }, 180_000);
    afterAll(async () => {
      await harness?.release();
    });
    body(() => harness ?? unreachable());
  });
}

function unreachable(): never {
  throw new Error('The Kafka harness is not started');
}

async function fromEnvironment(): Promise<KafkaHarness> {
  const brokers = loadConfig().KAFKA_BROKERS ?? [];
  return { brokers, control: await scriptControl(brokers), release: async () => undefined };
}

// The broker is kafka.sh's when it is one local broker and kafka.sh says it runs on that port.
async function scriptControl(brokers: readonly string[]): Promise<BrokerControl | null> {
  const match = brokers.length === 1 ? /^(?:127\.0\.0\.1|localhost):(\d+)$/.exec(brokers[0]) : null;
  if (!match) return null;
  const env = { ...process.env, KAFKA_PORT: match[1] };
  const script = (command: string) => run('bash', [KAFKA_SH, command], { env, timeout: 150_000 });
  try {
    await script('status');
  } catch {
    return null;
  }
  return {
    stop: async () => void (await script('stop')),
    start: async () => void (await script('start')),
  };
}

async function fromContainer(): Promise<KafkaHarness> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const container = await new KafkaContainer(CONTAINER_IMAGE).withKraft().start();
  return {
    brokers: [`${container.getHost()}:${container.getMappedPort(9093)}`],
    control: null,
    release: async () => void (await container.stop()),
  };
}
