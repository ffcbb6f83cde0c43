import { InProcessTransport, parseStoredEvent, PgliteDatabase, PostgresDatabase, type Database, type TransportMessage } from '@dyad/platform';
import { describePostgres } from '@dyad/platform/testing/database-harness';
import { waitUntil } from '@dyad/platform/testing/wait-until';
import { killableProcess, openRelayLog, relayScenario, type RelayLog } from './relay-fixture';

// jest applies only the global testTimeout, not the integration project's: set it here.
jest.setTimeout(60_000);

function relayOverInProcessTransport(open: () => Promise<Database>): void {
  let log: RelayLog;
  let world: ReturnType<typeof relayScenario>;
  let transport: InProcessTransport;

  beforeAll(async () => {
    log = await openRelayLog(open);
  });
  afterAll(async () => {
    await log?.close();
  });
  beforeEach(() => {
    world = relayScenario(log);
    transport = new InProcessTransport();
  });
  afterEach(async () => {
    await transport.close();
  });

  it('should deliver every appended event in stream order when the relay runs', async () => {
    const received: TransportMessage[] = [];
    await transport.consume({ groupId: 'recorder', topics: [world.topic], handleBatch: async (messages) => {
      received.push(...messages.filter((message) => world.streams.includes(message.key)));
    } });
    await world.append(10);
    const relay = world.relay(transport, { batchSize: 7 });

    relay.start();
    await waitUntil('30 events', () => received.length >= 30);
    await world.append(5);
    await waitUntil('45 events', () => received.length >= 45);
    await relay.stop();

    for (const streamId of world.streams) {
      const positions = received.filter((message) => message.key === streamId).map((message) => parseStoredEvent(message.value).streamPosition);
      expect(positions).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
    }
    expect(relay.status()).toMatchObject({ state: 'stopped', lastError: null });
  });

  it('should lose nothing and apply nothing twice when killed mid-batch and restarted', async () => {
    await transport.consume({ groupId: 'projection', topics: [world.topic], handleBatch: world.consumer('projection') });
    const earlier = await world.logLength();
    await world.append(20);
    const doomed = killableProcess();
    // One batch holds the whole log; the relay dies once 25 of this test's 60 events went out.
    const first = world.relay(doomed.transport(transport, earlier + 25), { batchSize: 1_000, leaseMs: 300 }, doomed.database(world.database));

    first.start();
    await waitUntil('the first relay to die', () => doomed.isKilled());
    expect((await world.appliedOnce('projection')).applied).toBe(25);
    const second = world.relay(transport, { batchSize: 50, leaseMs: 300 });
    second.start();
    await waitUntil('every event applied', async () => (await world.appliedOnce('projection')).applied >= 60);
    await second.stop();

    expect(await world.appliedOnce('projection')).toEqual({ expected: 60, applied: 60, twice: 0 });
  });

  it('should keep its checkpoint and deliver again when a consumer fails', async () => {
    let failures = 2;
    const apply = world.consumer('flaky');
    await transport.consume({
      groupId: 'flaky',
      topics: [world.topic],
      handleBatch: async (messages) => {
        if (failures-- > 0) throw new Error('projection failed');
        await apply(messages);
      },
    });
    await world.append(5);
    const relay = world.relay(transport, { batchSize: 4 });

    relay.start();
    await waitUntil('every event applied', async () => (await world.appliedOnce('flaky')).applied >= 15);
    await relay.stop();

    expect(await world.appliedOnce('flaky')).toEqual({ expected: 15, applied: 15, twice: 0 });
  });

  it('should let one relay publish at a time and hand over when it stops', async () => {
    const received: string[] = [];
    await transport.consume({ groupId: 'recorder', topics: [world.topic], handleBatch: async (messages) => {
      for (const { key, value } of messages) if (world.streams.includes(key)) received.push(parseStoredEvent(value).eventId);
    } });
    const first = world.relay(transport, { leaseMs: 300 });
    const second = world.relay(transport, { leaseMs: 300 });

    first.start();
    await waitUntil('the first relay to lead', () => first.status().state === 'publishing');
    second.start();
    await world.append(5);
    await waitUntil('15 events', () => received.length >= 15);
    expect(second.status().state).toBe('standby');

    await first.stop();
    await waitUntil('the second relay to take over', () => second.status().state === 'publishing');
    await world.append(5);
    await waitUntil('30 events', () => received.length >= 30);
    await second.stop();

    expect(new Set(received).size).toBe(30);
    expect(received).toHaveLength(30);
  });
}

describe('Outbox relay over the in-process transport [pglite]', () => {
  relayOverInProcessTransport(() => PgliteDatabase.open());
});

describePostgres('Outbox relay over the in-process transport [postgres]', (database) => {
  relayOverInProcessTransport(() => PostgresDatabase.connect(database().url));
});
