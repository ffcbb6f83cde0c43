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
        transport.consume({ groupId: `${group}-${randomUUID()}`, topics: [topic], handle: async (message) => void received[group].push(message) }),
      ),
    );

    await transport.publish(sent);
    await waitUntil('both groups to receive 60 messages', () => received.projections.length >= 60 && received.webhooks.length >= 60);
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));

    expect(valuesByKey(received.projections)).toEqual(valuesByKey(sent));
    expect(valuesByKey(received.webhooks)).toEqual(valuesByKey(sent));
  });

  it('should deliver a message again when its handler throws', async () => {
    const topic = `test.redelivery.${randomUUID()}`;
    const attempts: string[] = [];
    const subscription = await transport.consume({
      groupId: `redelivery-${randomUUID()}`,
      topics: [topic],
      handle: async ({ value }) => {
        attempts.push(value);
        if (attempts.length === 1) throw new Error('projection failed once');
      },
    });

    await transport.publish([{ topic, key: 'k', value: 'only' }]);
    await waitUntil('the second attempt', () => attempts.length >= 2);
    await subscription.stop();

    expect(attempts.slice(0, 2)).toEqual(['only', 'only']);
  });

  it('should keep two namespaces apart when they share a cluster', async () => {
    const topic = `test.namespaces.${randomUUID()}`;
    const [blue, green] = await Promise.all(
      ['blue.', 'green.'].map((namespace) => KafkaTransport.connect({ brokers: kafka().brokers, clientId: 'dyad-test', namespace })),
    );
    const received: Record<string, string[]> = { blue: [], green: [] };
    const subscriptions = await Promise.all([
      blue.consume({ groupId: 'projection', topics: [topic], handle: async ({ topic: seen, value }) => void received.blue.push(`${seen}:${value}`) }),
      green.consume({ groupId: 'projection', topics: [topic], handle: async ({ topic: seen, value }) => void received.green.push(`${seen}:${value}`) }),
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
