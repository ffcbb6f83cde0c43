import { randomUUID } from 'node:crypto';
import { KafkaTransport } from '@dyad/platform';
import { describeKafka } from '@dyad/platform/testing/kafka-harness';
import { waitUntil } from '@dyad/platform/testing/wait-until';
import { killableProcess, openRelayLog, relayScenario, type RelayLog } from './relay-fixture';

// jest applies only the global testTimeout, not the integration project's: set it here.
jest.setTimeout(180_000);

describeKafka('Outbox relay over Kafka', (kafka) => {
  let log: RelayLog;
  let transport: KafkaTransport;
  let world: ReturnType<typeof relayScenario>;

  beforeAll(async () => {
    log = await openRelayLog();
    transport = await KafkaTransport.connect({ brokers: kafka().brokers, clientId: 'dyad-relay-test' });
  });
  afterAll(async () => {
    await transport?.close();
    await log?.close();
  });
  beforeEach(() => {
    world = relayScenario(log);
  });

  const project = (name: string) =>
    transport.consume({ groupId: `${name}-${randomUUID()}`, topics: [world.topic], handleBatch: world.consumer(name) });

  it('should bring every appended event to a consumer group once when the relay runs', async () => {
    const consumer = await project('projection');
    await world.append(10);
    const relay = world.relay(transport);

    relay.start();
    await waitUntil('30 events applied', async () => (await world.appliedOnce('projection')).applied >= 30);
    await relay.stop();
    await consumer.stop();

    expect(await world.appliedOnce('projection')).toEqual({ expected: 30, applied: 30, twice: 0 });
  });

  it('should lose nothing and apply nothing twice when killed mid-batch and restarted', async () => {
    const consumer = await project('projection');
    const earlier = await world.logLength();
    await world.append(20);
    const doomed = killableProcess();
    // One batch holds the whole log; the relay dies once 25 of this test's 60 events went out.
    const first = world.relay(doomed.transport(transport, earlier + 25), { batchSize: 1_000, leaseMs: 500 }, doomed.database(log.database));

    first.start();
    await waitUntil('the first relay to die', () => doomed.isKilled());
    await waitUntil('25 events applied', async () => (await world.appliedOnce('projection')).applied >= 25);
    const second = world.relay(transport, { batchSize: 50, leaseMs: 500 });
    second.start();
    await waitUntil('every event applied', async () => (await world.appliedOnce('projection')).applied >= 60);
    await second.stop();
    await consumer.stop();

    expect(await world.appliedOnce('projection')).toEqual({ expected: 60, applied: 60, twice: 0 });
  });

  it('should accept appends while the broker is down and deliver them all once it is back', async () => {
    const control = kafka().control;
    if (!control) {
      if (process.env.CI === 'true') throw new Error('CI=true: the broker must be test/infra/kafka.sh\'s, so that this test can stop it');
      console.log('[kafka] broker-down test skipped: the broker is not test/infra/kafka.sh\'s, so it cannot be stopped');
      return;
    }
    const consumer = await project('projection');
    const relay = world.relay(transport);
    relay.start();
    await world.append(5);
    await waitUntil('15 events applied', async () => (await world.appliedOnce('projection')).applied >= 15);

    await control.stop();
    try {
      const started = Date.now();
      await world.append(10);
      const appendMs = Date.now() - started;
      await waitUntil('the relay to notice the broker is gone', () => relay.status().lastError !== null, 60_000);
      expect(appendMs).toBeLessThan(5_000);
    } finally {
      await control.start();
    }
    await waitUntil('every event applied', async () => (await world.appliedOnce('projection')).applied >= 45, 120_000);
    await relay.stop();
    await consumer.stop();

    expect(await world.appliedOnce('projection')).toEqual({ expected: 45, applied: 45, twice: 0 });
  });
});
