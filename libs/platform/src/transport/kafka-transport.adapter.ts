import {
  Kafka,
  logLevel,
  Partitioners,
  type Consumer,
  type IHeaders,
  type KafkaMessage,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import type { Logger } from 'pino';
import type { ConsumerOptions, Transport, TransportMessage, TransportSubscription } from './transport.port';
import { TransportClosedError, TransportUnavailableError } from './transport.errors';

// kafkajs stays inside this file: swapping the client means rewriting this adapter only.

export interface KafkaTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  // Prefix of every topic and consumer group name, so that several Dyads share one cluster.
  readonly namespace?: string;
  readonly logger?: Logger;
  // Partitions of a topic this adapter creates; existing topics keep theirs.
  readonly partitions?: number;
}

// Bounded everywhere: a publish to a broker that is down fails within seconds, and the relay
// retries with its own backoff, rather than hanging inside the client.
const CONNECT = { connectionTimeout: 3_000, requestTimeout: 15_000 };
const RETRY = { retries: 5, initialRetryTime: 300, maxRetryTime: 3_000 };
const DEFAULT_PARTITIONS = 3;
// How long a fetch waits for new messages; stopping a consumer waits for its fetch to return.
const FETCH_WAIT_MS = 1_000;
// A member that vanished (a worker killed, or a consumer cut off while the broker restarted)
// holds its partitions this long before the group moves them; 10 s, not the client's 30 s.
const SESSION_TIMEOUT_MS = 10_000;
// A consumer whose client gave up (broker gone longer than its retries) is started again.
const CONSUMER_RESTART_MS = 2_000;

export class KafkaTransport implements Transport {
  readonly kind = 'kafka';
  private readonly consumers = new Set<() => Promise<void>>();
  private readonly knownTopics = new Set<string>();
  private closed = false;

  private constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly options: KafkaTransportOptions,
  ) {}

  // Fails with one line naming the brokers when none answers.
  static async connect(options: KafkaTransportOptions): Promise<KafkaTransport> {
    const kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      ...CONNECT,
      retry: RETRY,
      logLevel: options.logger ? logLevel.WARN : logLevel.NOTHING,
      logCreator: () => (entry) => forward(options.logger, entry),
    });
    const producer = kafka.producer({
      // Idempotent with acks=all: a retried send never writes a message twice or out of order.
      idempotent: true,
      maxInFlightRequests: 1,
      retry: RETRY,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await producer.connect();
    } catch (error) {
      throw unavailable(options.brokers, error);
    }
    return new KafkaTransport(kafka, producer, options);
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (this.closed) throw new TransportClosedError('The Kafka transport is closed');
    if (messages.length === 0) return;
    await this.ensureTopics(messages.map((message) => this.physical(message.topic)));
    const byTopic = new Map<string, TransportMessage[]>();
    for (const message of messages) {
      const topic = this.physical(message.topic);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, topicMessages]) => ({
          topic,
          messages: topicMessages.map(({ key, value, headers }) => ({ key, value, headers: { ...headers } })),
        })),
      });
    } catch (error) {
      throw unavailable(this.options.brokers, error);
    }
  }

  // A batch is one partition's fetch. Its offset moves past it only once the handler resolved; a
  // throw leaves the offset where it was, so the whole batch comes again.
  async consume(options: ConsumerOptions): Promise<TransportSubscription> {
    if (this.closed) throw new TransportClosedError('The Kafka transport is closed');
    let current: Consumer | undefined;
    let restart: NodeJS.Timeout | undefined;
    let stopped = false;

    const start = async (): Promise<void> => {
      const consumer = this.kafka.consumer({
        groupId: this.physical(options.groupId),
        retry: RETRY,
        maxWaitTimeInMs: FETCH_WAIT_MS,
        sessionTimeout: SESSION_TIMEOUT_MS,
      });
      current = consumer;
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart || stopped) return;
        this.options.logger?.warn({ groupId: options.groupId, error: payload.error.message }, 'Kafka consumer stopped; starting it again');
        restart = setTimeout(() => void start().catch(() => undefined), CONSUMER_RESTART_MS);
      });
      const topics = options.topics.map((topic) => this.physical(topic));
      await this.ensureTopics(topics);
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        // Partitions proceed side by side (keys, hence streams, never span two); each one's
        // batches still come one after the other.
        partitionsConsumedConcurrently: this.options.partitions ?? DEFAULT_PARTITIONS,
        // The client would otherwise move the offset past a batch skipped below.
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, isRunning, isStale }) => {
          // Stopping, or the partition was sought or taken away meanwhile: it is fetched again.
          if (!isRunning() || isStale()) return;
          await options.handleBatch(batch.messages.map((message) => toTransportMessage(this.logical(batch.topic), message)));
          // The client heartbeats and commits once eachBatch returns.
          resolveOffset(batch.messages[batch.messages.length - 1].offset);
        },
      });
    };

    const stop = async (): Promise<void> => {
      stopped = true;
      clearTimeout(restart);
      this.consumers.delete(stop);
      await current?.disconnect();
    };

    try {
      await start();
    } catch (error) {
      await stop().catch(() => undefined);
      throw unavailable(this.options.brokers, error);
    }
    this.consumers.add(stop);
    return { stop };
  }

  private physical(name: string): string {
    return `${this.options.namespace ?? ''}${name}`;
  }

  private logical(topic: string): string {
    return topic.slice((this.options.namespace ?? '').length);
  }

  // Creates missing topics once per process, so neither a first publish nor a consumer that
  // starts before any publish depends on the broker creating topics on its own.
  private async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      const numPartitions = this.options.partitions ?? DEFAULT_PARTITIONS;
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions })) });
    } catch (error) {
      throw unavailable(this.options.brokers, error);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    missing.forEach((topic) => this.knownTopics.add(topic));
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    if (this.closed) return { ok: false, detail: 'closed' };
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return { ok: true, detail: `${cluster.brokers.length} broker(s)` };
    } catch (error) {
      return { ok: false, detail: firstLine(error) };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((stop) => stop()));
    await this.producer.disconnect();
  }
}

function toTransportMessage(topic: string, message: KafkaMessage): TransportMessage {
  return {
    topic,
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers: headersOf(message.headers),
  };
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, (Array.isArray(value) ? value[value.length - 1] : value)!.toString()]),
  );
}

function unavailable(brokers: readonly string[], error: unknown): TransportUnavailableError {
  return new TransportUnavailableError(`Cannot reach Kafka at ${brokers.join(',')}: ${firstLine(rootCause(error))}`, {
    cause: error,
  });
}

function rootCause(error: unknown): unknown {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause ? rootCause(cause) : error;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] || 'unknown error').trim();
}

function forward(logger: Logger | undefined, { level, namespace, log }: LogEntry): void {
  if (!logger) return;
  const { message, ...extra } = log;
  // The client warns about our bounded producer retries at every start; they are deliberate (above).
  if (message.startsWith('Limiting retries for the idempotent producer')) return;
  const context = { kafka: namespace, ...extra };
  if (level === logLevel.ERROR) logger.error(context, message);
  else if (level === logLevel.WARN) logger.warn(context, message);
  else logger.debug(context, message);
}
