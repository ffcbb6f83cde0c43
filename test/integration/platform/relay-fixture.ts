import { randomUUID } from 'node:crypto';
import {
  applyBatchOnce,
  OutboxRelay,
  parseStoredEvent,
  PgliteDatabase,
  platformMigrations,
  runMigrations,
  SqlEventStore,
  type Database,
  type OutboxRelayOptions,
  type Transport,
  type TransportMessage,
} from '@dyad/platform';

export type RelayLog = Awaited<ReturnType<typeof openRelayLog>>;

// One database per suite (opening PGlite takes seconds; in memory by default), with a table
// where consumers leave one row per application: an event applied twice shows as two rows.
export async function openRelayLog(open: () => Promise<Database> = () => PgliteDatabase.open()) {
  const database = await open();
  await runMigrations(database, [platformMigrations]);
  await database.query('create table test_effects (consumer text not null, stream_id text not null, event_id uuid not null)');
  return { database, store: new SqlEventStore(database, { subscribe: { minPollMs: 10, maxPollMs: 200 } }), close: () => database.close() };
}

// What one test needs on a shared log: its own streams, its own relay checkpoint and its own
// topic, so that tests never see each other's events as theirs.
export function relayScenario({ database, store }: RelayLog) {
  const streams = [`article-${randomUUID()}`, `relationship-${randomUUID()}`, `webhook-${randomUUID()}`];
  const relayName = `test-relay-${randomUUID()}`;
  const topic = `test.relay.${randomUUID()}`;
  // Consumer checkpoints are per name: a name of this test's own.
  const consumerName = (name: string) => `${name}-${relayName}`;

  return {
    database,
    streams,
    topic,
    relay: (transport: Transport, options: OutboxRelayOptions = {}, on: Database = database) =>
      new OutboxRelay(on === database ? store : new SqlEventStore(on, { subscribe: { minPollMs: 10, maxPollMs: 200 } }), on, transport, {
        name: relayName,
        topic,
        retryInitialMs: 100,
        retryMaxMs: 1_000,
        ...options,
      }),
    // `count` events per stream, appended a few at a time as commands would.
    append: async (count: number) => {
      for (let done = 0; done < count; done += 5) {
        const size = Math.min(5, count - done);
        await store.appendToStreams(
          streams.map((streamId) => ({
            streamId,
            expectedVersion: 'any' as const,
            events: Array.from({ length: size }, (_, index) => ({ type: 'Tested', data: { n: done + index + 1 } })),
          })),
        );
      }
    },
    consumer: (name: string) => async (messages: readonly TransportMessage[]) => {
      const events = messages.map((message) => parseStoredEvent(message.value));
      await applyBatchOnce(database, consumerName(name), events, async (tx, fresh) => {
        for (const event of fresh.filter(({ streamId }) => streams.includes(streamId))) {
          const values = [consumerName(name), event.streamId, event.eventId];
          await tx.query('insert into test_effects (consumer, stream_id, event_id) values ($1, $2, $3)', values);
        }
      });
    },
    // How many events the log holds: what a relay with a new checkpoint publishes before ours.
    logLength: async () => (await database.query<{ n: number }>('select count(*)::int as n from events')).rows[0].n,
    // Every event of this test's streams, applied exactly once by `consumer`.
    appliedOnce: async (consumer: string) => {
      const { rows } = await database.query<{ expected: number; applied: number; twice: number }>(
        `select (select count(*)::int from events where stream_id = any($2)) as expected,
                (select count(distinct event_id)::int from test_effects where consumer = $1) as applied,
                (select count(*)::int from (select event_id from test_effects where consumer = $1
                                            group by event_id having count(*) > 1) d) as twice`,
        [consumerName(consumer), streams],
      );
      return rows[0];
    },
  };
}

// A process that dies at a chosen moment: after `cut` the database and the transport it was
// given never answer again, as if the process had been killed; nothing of it runs to its end.
export function killableProcess() {
  let killed = false;
  const never = <T>() => new Promise<T>(() => undefined);
  return {
    isKilled: () => killed,
    database: (database: Database): Database => ({
      kind: database.kind,
      query: (sql, params) => (killed ? never() : database.query(sql, params)),
      transaction: (work) => (killed ? never() : database.transaction(work)),
      listen: (channel, onNotify) => (killed ? never() : database.listen(channel, onNotify)),
      close: async () => undefined,
    }),
    // Dies in the middle of the first publish of more than `cut` messages, once those went out.
    transport: (transport: Transport, cut: number): Transport => ({
      kind: transport.kind,
      publish: async (messages: readonly TransportMessage[]) => {
        if (killed) return never();
        if (messages.length <= cut) return transport.publish(messages);
        await transport.publish(messages.slice(0, cut));
        killed = true;
        return never();
      },
      consume: (options) => transport.consume(options),
      health: () => transport.health(),
      close: async () => undefined,
    }),
  };
}
