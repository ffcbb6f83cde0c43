import {
  createLogger,
  DyadMetrics,
  formatLogCheckpoint,
  PgliteDatabase,
  platformMigrations,
  runMigrations,
  SqlEventStore,
  type Database,
  type LogCheckpoint,
} from '@dyad/platform';
import { waitUntil } from '@dyad/platform/testing/wait-until';
import { subscriptionsMigrations, type CommitmentChange } from '@dyad/subscriptions';
import { randomUUID } from 'node:crypto';
import { CommitmentChangeHub } from '../../../libs/subscriptions/src/infrastructure/commitment-change-hub';
import { CommitmentFeedRunner } from '../../../libs/subscriptions/src/infrastructure/commitment-feed.runner';
import { SqlCommitmentFeed } from '../../../libs/subscriptions/src/infrastructure/sql-commitment-feed.adapter';

jest.setTimeout(60_000);

// Replay and live meet without a gap or a repeat while changes keep arriving: the subscriber
// resumes from the middle of the feed as new changes are being written.
describe('Commitment change hub [pglite]', () => {
  let database: Database;
  let store: SqlEventStore;
  let runner: CommitmentFeedRunner;
  let hub: CommitmentChangeHub;
  const logger = createLogger('silent');

  beforeAll(async () => {
    database = await PgliteDatabase.open();
    await runMigrations(database, [platformMigrations, subscriptionsMigrations]);
    store = new SqlEventStore(database);
    runner = new CommitmentFeedRunner(store, database, logger);
    await runner.onApplicationBootstrap();
    hub = new CommitmentChangeHub(new SqlCommitmentFeed(database), database, logger, new DyadMetrics());
    await hub.onApplicationBootstrap();
  });
  afterAll(async () => {
    await hub.beforeApplicationShutdown();
    await runner.beforeApplicationShutdown();
    await database.close();
  });

  const pledge = async (dyad: string): Promise<string> => {
    const [promisor, beneficiary] = dyad.split('-');
    const { lastCheckpoint } = await store.appendToStreams([
      {
        streamId: `relationship-${dyad}`,
        expectedVersion: 'any',
        events: [
          {
            type: 'CommitmentMade',
            data: { factId: randomUUID(), dyad, promisor, beneficiary, category: 'trade', summary: 'a pledge' },
            metadata: {
              articleId: randomUUID(),
              evidence: { sentence: 0, start: 0, end: 1, quote: 'x' },
              extractor: { name: 'rules', version: '1' },
              confidence: 0.9,
              occurredAt: '2025-10-01',
              occurredAtSource: 'text',
              publishedAt: '2025-10-01',
              recordedAt: new Date().toISOString(),
              schemaVersion: 1,
            },
          },
        ],
      },
    ]);
    return formatLogCheckpoint(lastCheckpoint as LogCheckpoint);
  };

  it('should deliver every change after the resume point once and in order when changes arrive during the replay', async () => {
    const written: string[] = [];
    for (let n = 0; n < 30; n++) written.push(await pledge(n % 2 ? 'CL-PE' : 'AR-UY'));
    await waitUntil('the first changes in the feed', async () => (await new SqlCommitmentFeed(database).head()) !== null);
    const resumeAt = written[9];

    const received: CommitmentChange[] = [];
    const filtered: CommitmentChange[] = [];
    const [at, position] = resumeAt.split('.').map(BigInt);
    const all = hub.subscribe({}, { transactionId: at, globalPosition: position }).subscribe((change) => received.push(change));
    const chile = hub.subscribe({ dyad: 'CL-PE' }, { transactionId: at, globalPosition: position }).subscribe((change) => filtered.push(change));
    for (let n = 0; n < 30; n++) written.push(await pledge(n % 2 ? 'CL-PE' : 'AR-UY'));
    await waitUntil('every change after the resume point', () => received.length >= 50);
    await new Promise((resolve) => setTimeout(resolve, 300));
    all.unsubscribe();
    chile.unsubscribe();

    expect(received.map((change) => change.position)).toEqual(written.slice(10));
    expect(filtered.map((change) => change.position)).toEqual(
      written.slice(10).filter((_, index) => (index + 10) % 2 === 1),
    );
  });

  it('should start at the present when no Last-Event-ID is given', async () => {
    const before = await pledge('AR-UY');
    await waitUntil('the change in the hub', async () => {
      const head = await new SqlCommitmentFeed(database).head();
      return head !== null && formatLogCheckpoint(head) === before;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const received: string[] = [];
    const live = hub.subscribe({}, undefined).subscribe((change) => received.push(change.position));
    const after = await pledge('AR-UY');
    await waitUntil('the new change', () => received.length >= 1);
    live.unsubscribe();
    expect(received).toEqual([after]);
  });
});
