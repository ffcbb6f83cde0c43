import { randomUUID } from 'node:crypto';
import { KafkaTransport } from '@dyad/platform/transport/kafka-transport.adapter';
import { TransportUnavailableError } from '@dyad/platform/transport/transport.errors';
import type { TransportMessage } from '@dyad/platform/transport/transport.port';
import { describeKafka } from '@dyad/platform/testing/kafka-harness';
import { waitUntil } from '@dyad/platform/testing/wait-until';

// jest applies only the global testTimeout, not the integration project's: set it here.
jest.setTimeout(60_000);

const messagesFor = (topic: string, keys: string[], perKey: number): TransportMessage[] =>
  Array.from({ length: perKey }, (_, index) => keys.map((key) => ({ topic, key, value: `${key}:${index + 1}` }))).flat();

const seenAs = ({ topic, value }: TransportMessage) => `${topic}:${value}`;

const valuesByKey = (messages: TransportMessage[]) =>
  messages.reduce<Record<string, string[]>>((byKey, { key, value }) => ({ ...byKey, [key]: [...(byKey[key] ?? []), value] }), {});

describeKafka('Kafka transport', (kafka) => {
  let transport: KafkaTransport;

  beforeAll(async () => {
    transport = await KafkaTransport.connect({ brokers: kafka().brokers, clientId: 'dyad-test' });
  });
  afterAll(async () => {
    await transport?.close();
  });

  it('should deliver every message to each consumer group in key order when published', async () => {
    const topic = `test.round-trip.${randomUUID()}`;
    const sent = messagesFor(topic, ['stream-a', 'stream-b', 'stream-c'], 20);
    const received: Record<string, TransportMessage[]> = { projections: [], webhooks: [] };
    const subscriptions = await Promise.all(
      Object.keys(received).map((group) =>
        transport.consume({ groupId: `${group}-${randomUUID()}`, topics: [topic], handleBatch: async (messages) => void received[group].push(...messages) }),
      ),
    );

    await transport.publish(sent);
    await waitUntil('both groups to receive 60 messages', () => received.projections.length >= 60 && received.webhooks.length >= 60);
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));

    expect(valuesByKey(received.projections)).toEqual(valuesByKey(sent));
    expect(valuesByKey(received.webhooks)).toEqual(valuesByKey(sent));
  });

  it('should deliver a whole batch again, in order, when its handler throws, and move on once it resolves', async () => {
    const topic = `test.redelivery.${randomUUID()}`;
    const groupId = `redelivery-${randomUUID()}`;
    const sent = messagesFor(topic, ['stream-a'], 5);
    const attempts: string[][] = [];
    const subscription = await transport.consume({
      groupId,
      topics: [topic],
      handleBatch: async (messages) => {
        attempts.push(messages.map(({ value }) => value));
        if (attempts.length === 1) throw new Error('projection failed once');
      },
    });

    await transport.publish(sent);
    await waitUntil('every message after the failed batch', () => attempts.slice(1).flat().length >= sent.length);
    await subscription.stop();
    const afterwards: string[] = [];
    const next = await transport.consume({
      groupId,
      topics: [topic],
      handleBatch: async (messages) => void afterwards.push(...messages.map(({ value }) => value)),
    });
    await transport.publish([{ topic, key: 'stream-a', value: 'later' }]);
    await waitUntil('the later message', () => afterwards.length > 0);
    await next.stop();

    expect(attempts[0][0]).toBe(sent[0].value);
    expect(attempts.slice(1).flat()).toEqual(sent.map(({ value }) => value));
    expect(afterwards).toEqual(['later']);
  });

  it('should keep two namespaces apart when they share a cluster', async () => {
    const topic = `test.namespaces.${randomUUID()}`;
    const [blue, green] = await Promise.all(
      ['blue.', 'green.'].map((namespace) => KafkaTransport.connect({ brokers: kafka().brokers, clientId: 'dyad-test', namespace })),
    );
    const received: Record<string, string[]> = { blue: [], green: [] };
    const subscriptions = await Promise.all([
      blue.consume({ groupId: 'projection', topics: [topic], handleBatch: async (messages) => void received.blue.push(...messages.map(seenAs)) }),
      green.consume({ groupId: 'projection', topics: [topic], handleBatch: async (messages) => void received.green.push(...messages.map(seenAs)) }),
    ]);

    await blue.publish([{ topic, key: 'k', value: 'for blue' }]);
    await green.publish([{ topic, key: 'k', value: 'for green' }]);
    await waitUntil('both namespaces to receive their message', () => received.blue.length > 0 && received.green.length > 0);
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    await Promise.all([blue.close(), green.close()]);

    expect(received).toEqual({ blue: [`${topic}:for blue`], green: [`${topic}:for green`] });
  });

  it('should report the broker as healthy when it answers', async () => {
    await expect(transport.health()).resolves.toMatchObject({ ok: true });
  });
});

describe('[kafka] Kafka transport without a broker', () => {
  it('should fail with one line naming the brokers when none answers at start', async () => {
    const failure = KafkaTransport.connect({ brokers: ['127.0.0.1:1'], clientId: 'dyad-test' });

    await expect(failure).rejects.toBeInstanceOf(TransportUnavailableError);
    await expect(failure).rejects.toThrow(/^Cannot reach Kafka at 127\.0\.0\.1:1: [^\n]+$/);
  });
});
