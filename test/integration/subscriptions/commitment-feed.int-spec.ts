import {
  createLogger,
  formatLogCheckpoint,
  PgliteDatabase,
  platformMigrations,
  PostgresDatabase,
  runMigrations,
  SqlEventStore,
  compareLogCheckpoints,
  type Database,
  type LogCheckpoint,
  type NewEvent,
  type StoredEvent,
} from '@dyad/platform';
import { describePostgres } from '@dyad/platform/testing/database-harness';
import { waitUntil } from '@dyad/platform/testing/wait-until';
import { subscriptionsMigrations, webhookStreamId } from '@dyad/subscriptions';
import { randomUUID } from 'node:crypto';
import { CommitmentFeedRunner } from '../../../libs/subscriptions/src/infrastructure/commitment-feed.runner';
import { SqlCommitmentFeed } from '../../../libs/subscriptions/src/infrastructure/sql-commitment-feed.adapter';
import { SqlWebhookDeliveries } from '../../../libs/subscriptions/src/infrastructure/sql-webhook-deliveries.adapter';

jest.setTimeout(60_000);

const CODES = ['AR', 'BR', 'CL', 'DE', 'EG', 'FR', 'GH', 'IN', 'JP', 'KE', 'MX', 'NG', 'PE', 'QA', 'SN', 'TZ', 'UY', 'VN'];
// A dyad no other test writes about.
const someDyad = () => {
  const [a, b] = [...CODES].sort(() => Math.random() - 0.5);
  return [a, b].sort().join('-');
};

function metadata(occurredAt: string) {
  return {
    articleId: randomUUID(),
    evidence: { sentence: 0, start: 0, end: 4, quote: 'text' },
    extractor: { name: 'rules', version: '1' },
    confidence: 0.9,
    occurredAt,
    occurredAtSource: 'text',
    publishedAt: occurredAt,
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
  };
}

type NewFact = NewEvent & { data: { factId: string; [key: string]: unknown } };

function commitmentMade(dyad: string): NewFact {
  const [promisor, beneficiary] = dyad.split('-');
  return {
    type: 'CommitmentMade',
    data: { factId: randomUUID(), dyad, promisor, beneficiary, category: 'energy', summary: 'a pledge' },
    metadata: metadata('2025-10-01'),
  };
}

function statusChanged(dyad: string, made: NewFact, status: string, occurredAt: string): NewFact {
  const [promisor, beneficiary] = dyad.split('-');
  return {
    type: 'CommitmentStatusChanged',
    data: { factId: randomUUID(), dyad, promisor, beneficiary, category: 'energy', summary: 'news', commitmentId: made.data.factId, status },
    metadata: metadata(occurredAt),
  };
}

function feedContract(open: () => Promise<Database>): void {
  let database: Database;
  let store: SqlEventStore;
  let feed: SqlCommitmentFeed;
  let runner: CommitmentFeedRunner;
  const logger = createLogger('silent');

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations, subscriptionsMigrations]);
    store = new SqlEventStore(database);
    feed = new SqlCommitmentFeed(database);
    runner = new CommitmentFeedRunner(store, database, logger);
  });
  afterAll(async () => {
    await database?.close();
  });

  let written: LogCheckpoint | null = null;
  const append = async (streamId: string, events: readonly NewEvent[]): Promise<StoredEvent[]> => {
    const result = await store.appendToStreams([{ streamId, expectedVersion: 'any', events }]);
    written = result.lastCheckpoint;
    return [...result.events];
  };
  // Up to the last append: on a shared PostgreSQL server the log is readable only below the
  // oldest transaction in flight anywhere, so the events may take a moment to show.
  const catchUp = async (by = runner) => {
    await waitUntil('the feed to reach the last append', async () => {
      const events = await store.readAll({ after: await feed.projectedUpTo(), limit: 500 });
      if (events.length > 0) await by.applyBatch(events);
      return compareLogCheckpoints(await feed.projectedUpTo(), written) >= 0;
    });
  };
  const changesOf = async (commitmentId: string) =>
    (await feed.readAfter(null, 10_000)).filter((entry) => entry.change.commitmentId === commitmentId);
  const register = async (filter: object) => {
    const webhookId = randomUUID();
    await append(webhookStreamId(webhookId), [
      {
        type: 'WebhookRegistered',
        data: { webhookId, url: 'http://127.0.0.1:9/hook', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', filter },
        metadata: { recordedAt: new Date().toISOString(), schemaVersion: 1 },
      },
    ]);
    return webhookId;
  };

  it('should record made, status changed and retracted at the positions of their events when a commitment changes', async () => {
    const dyad = someDyad();
    const made = commitmentMade(dyad);
    const suspended = statusChanged(dyad, made, 'suspended', '2025-11-01');
    const written = await append(`relationship-${dyad}`, [made, suspended]);
    const [retraction] = await append(`relationship-${dyad}`, [
      { type: 'FactRetracted', data: { factId: suspended.data.factId, reason: 'wrong' }, metadata: { recordedAt: new Date().toISOString(), schemaVersion: 1 } },
    ]);
    await catchUp();

    const changes = await changesOf(made.data.factId);
    expect(changes.map((entry) => [entry.change.position, entry.change.kind, entry.change.from, entry.change.to])).toEqual([
      [formatLogCheckpoint(written[0]), 'made', null, 'made'],
      [formatLogCheckpoint(written[1]), 'status_changed', 'made', 'suspended'],
      [formatLogCheckpoint(retraction), 'retracted', 'suspended', 'made'],
    ]);
  });

  // A runner keeps the facts of the commitments it changed: another runner's batches in between
  // must not leave it deriving a change from what it kept.
  it('should derive each change from what every runner recorded when runners take turns', async () => {
    const dyad = someDyad();
    const made = commitmentMade(dyad);
    const other = new CommitmentFeedRunner(store, database, logger);
    await append(`relationship-${dyad}`, [made]);
    await catchUp();
    await append(`relationship-${dyad}`, [statusChanged(dyad, made, 'in_progress', '2025-11-01')]);
    await catchUp(other);
    await append(`relationship-${dyad}`, [statusChanged(dyad, made, 'fulfilled', '2025-12-01')]);
    await catchUp();

    expect((await changesOf(made.data.factId)).map((entry) => [entry.change.kind, entry.change.from, entry.change.to])).toEqual([
      ['made', null, 'made'],
      ['status_changed', 'made', 'in_progress'],
      ['status_changed', 'in_progress', 'fulfilled'],
    ]);
  });

  it('should fan a change out only to the webhooks registered before it that match it', async () => {
    const dyad = someDyad();
    const early = commitmentMade(dyad);
    await append(`relationship-${dyad}`, [early]);
    const matching = await register({ dyad });
    const other = await register({ dyad, status: 'fulfilled' });
    const later = commitmentMade(dyad);
    const [laterEvent] = await append(`relationship-${dyad}`, [later]);
    await catchUp();

    const deliveries = new SqlWebhookDeliveries(database);
    expect((await deliveries.list(matching, undefined, 10)).map((delivery) => delivery.id)).toEqual([formatLogCheckpoint(laterEvent)]);
    expect(await deliveries.list(other, undefined, 10)).toEqual([]);
  });

  it('should apply each event once when two runners are handed the same events at once', async () => {
    const dyad = someDyad();
    const made = commitmentMade(dyad);
    await append(`relationship-${dyad}`, [made, statusChanged(dyad, made, 'in_progress', '2025-11-01')]);
    let events: StoredEvent[] = [];
    await waitUntil('the new events to be readable', async () => {
      events = await store.readAll({ after: await feed.projectedUpTo(), limit: 500 });
      return events.length >= 2;
    });
    const second = new CommitmentFeedRunner(store, database, logger);
    await Promise.all([runner.applyBatch(events), second.applyBatch(events), second.applyBatch(events.slice(1))]);
    await catchUp();

    expect((await changesOf(made.data.factId)).map((entry) => entry.change.kind)).toEqual(['made', 'status_changed']);
  });

  it('should hand each due delivery to one worker when two workers claim at once', async () => {
    const dyad = someDyad();
    const webhookId = await register({ dyad });
    await append(
      `relationship-${dyad}`,
      Array.from({ length: 6 }, () => commitmentMade(dyad)),
    );
    await catchUp();
    const [one, two] = [new SqlWebhookDeliveries(database), new SqlWebhookDeliveries(database)];
    const claims = await Promise.all([one.claimDue(100, 60_000), two.claimDue(100, 60_000), one.claimDue(100, 60_000)]);
    const mine = claims.flat().filter((claim) => claim.webhookId === webhookId).map((claim) => formatLogCheckpoint(claim.checkpoint));

    expect(mine).toHaveLength(6);
    expect(new Set(mine).size).toBe(6);
  });

  it('should keep the delivery with the worker that took it over when a lapsed claim reports late', async () => {
    const dyad = someDyad();
    const webhookId = await register({ dyad });
    await append(`relationship-${dyad}`, [commitmentMade(dyad)]);
    await catchUp();
    const deliveries = new SqlWebhookDeliveries(database);
    const mine = async (claimMs: number) => (await deliveries.claimDue(100, claimMs)).find((claim) => claim.webhookId === webhookId)!;
    const lapsed = await mine(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const current = await mine(60_000);
    expect([lapsed.attempt, current.attempt]).toEqual([1, 2]);

    const delivered = { kind: 'delivered' as const, statusCode: 200 };
    await deliveries.record([{ delivery: lapsed, attempt: { startedAt: new Date(), durationMs: 5, outcome: delivered, retryInMs: null } }]);
    expect((await deliveries.find(webhookId, current.checkpoint))?.state).toBe('pending');
    await deliveries.record([
      { delivery: current, attempt: { startedAt: new Date(), durationMs: 5, outcome: { kind: 'failed', statusCode: 500, error: 'HTTP 500' }, retryInMs: null } },
    ]);

    const view = await deliveries.find(webhookId, current.checkpoint);
    expect(view).toMatchObject({ state: 'dead', attempts: 2, lastStatus: 500 });
    expect(view?.history.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
      [1, 'delivered'],
      [2, 'failed'],
    ]);
  });
}

describe('Commitment feed and webhook deliveries [pglite]', () => {
  feedContract(() => PgliteDatabase.open());
});

describePostgres('Commitment feed and webhook deliveries [postgres]', (database) => {
  feedContract(() => PostgresDatabase.connect(database().url));
});
