import { applyToReadModelOnce, platformMigrations, PostgresDatabase, runMigrations, SqlEventStore, type Database, type DyadConfig, type LogCheckpoint } from '@dyad/platform';
import { describePostgres, openPgliteTestDatabase } from '@dyad/platform/testing/database-harness';
import { waitUntil } from '@dyad/platform/testing/wait-until';
import { planArticleFacts, relationsMigrations, relationshipStreamId, type RelationshipView } from '@dyad/relations';
import { randomUUID } from 'node:crypto';
import { CurrentViewCache } from '../../../libs/relations/src/application/read-models/relationships/current-view-cache';
import { RelationshipHistoryCache } from '../../../libs/relations/src/application/read-models/relationships/relationship-history-cache';
import { VIEW_CHANGES_CHANNEL } from '../../../libs/relations/src/application/read-models/relationships/current-view';
import { RelationshipsProjection } from '../../../libs/relations/src/application/read-models/relationships/relationships.projection';
import { aMeeting } from '../../../libs/relations/src/testing/relationship.factories';

// A dyad per test: the PostgreSQL suite shares one database.
const DYADS = ['KP-RU', 'RU-SY', 'CN-US', 'DE-FR', 'IN-PK', 'BR-AR', 'EG-IL', 'JP-KR'];
const cacheConfig = { DYAD_VIEW_CACHE_MB: 1, DYAD_HISTORY_CACHE_EVENTS: 1_000 } as DyadConfig;

// The current views an API process keeps in memory: served without a query until the projection
// announces a change to their dyad, on each database's own LISTEN/NOTIFY.
function currentViewCacheContract(open: () => Promise<Database>): void {
  let database: Database;
  let store: SqlEventStore;
  let projection: RelationshipsProjection;
  let cache: CurrentViewCache;
  let histories: RelationshipHistoryCache;
  let projected: LogCheckpoint | null = null;
  let DYAD: string;
  let tests = 0;

  beforeEach(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations, relationsMigrations]);
    store = new SqlEventStore(database);
    projection = new RelationshipsProjection(database);
    cache = new CurrentViewCache(database, cacheConfig);
    histories = new RelationshipHistoryCache(database, cacheConfig);
    projected = null;
    DYAD = DYADS[tests++];
  });
  afterEach(async () => {
    await cache.onModuleDestroy();
    await histories.onModuleDestroy();
    await database.close();
  });

  // One more meeting of the dyad, written to the log and projected as the worker does (which
  // announces the change once committed).
  async function meet(day: string): Promise<void> {
    const streamId = relationshipStreamId(DYAD);
    const { version, events } = await store.readStream(streamId);
    const input = { articleId: randomUUID(), dyad: DYAD, publishedAt: day, facts: [aMeeting({ dyad: DYAD, date: day })], extractor: { name: 'spec', version: '1' }, recordedAt: `${day}T12:00:00Z` };
    await store.appendToStreams([{ streamId, expectedVersion: version, events: planArticleFacts(events, input) }]);
    const fresh = await store.readAll({ after: projected });
    await applyToReadModelOnce(database, projection, fresh);
    projected = { transactionId: fresh[fresh.length - 1].transactionId, globalPosition: fresh[fresh.length - 1].globalPosition };
  }

  const meetings = async (options?: { fromDatabase: boolean }) =>
    (JSON.parse((await cache.viewJson(DYAD, new Date(), options)) ?? 'null') as RelationshipView | null)?.meetings.count;

  // What the read model holds, changed behind the projection's back: a read that returns it went
  // to the database.
  const tamperWithStoredView = () => database.query(`update relationships set view = jsonb_set(view::jsonb, '{meetings,count}', '99')::json where dyad = $1`, [DYAD]);

  it('should serve a view from memory until the projection announces a change to its dyad', async () => {
    await meet('2024-06-19');
    expect(await meetings()).toBe(1);
    await tamperWithStoredView();
    expect(await meetings()).toBe(1);

    await meet('2024-06-25');
    await waitUntil('the change to be announced', async () => (await meetings()) === 2, 2_000);
  });

  it('should read the database for a reader that waits for a position', async () => {
    await meet('2024-06-19');
    expect(await meetings()).toBe(1);
    await tamperWithStoredView();
    expect(await meetings({ fromDatabase: true })).toBe(99);
  });

  it('should drop every view on an announcement too long to name them', async () => {
    await meet('2024-06-19');
    expect(await meetings()).toBe(1);
    await tamperWithStoredView();
    await database.query('select pg_notify($1, $2)', [VIEW_CHANGES_CHANNEL, '*']);
    await waitUntil('every view to be dropped', async () => (await meetings()) === 99, 2_000);
  });

  it('should not keep a view whose dyad changed while it was read', async () => {
    await meet('2024-06-19');
    // The cache's one read of the view is held until the change has been heard.
    let entered = false;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const heard: string[] = [];
    const holding: Database = {
      kind: database.kind,
      transaction: (work) => database.transaction(work),
      close: () => database.close(),
      listen: (channel, onNotify) => database.listen(channel, (payload) => (onNotify(payload), heard.push(payload))),
      query: async (sql, params, options) => {
        if (sql.includes('view::text') && !entered) {
          entered = true;
          await held;
        }
        return database.query(sql, params, options);
      },
    };
    const slowCache = new CurrentViewCache(holding, cacheConfig);
    try {
      const reading = slowCache.viewJson(DYAD, new Date());
      await waitUntil('the read to start', () => entered, 2_000);
      await database.query('select pg_notify($1, $2)', [VIEW_CHANGES_CHANNEL, DYAD]);
      await waitUntil('the change to be heard', () => heard.length > 0, 2_000);
      release();
      expect(JSON.parse((await reading) ?? 'null')).toMatchObject({ meetings: { count: 1 } });
      await tamperWithStoredView();
      expect(JSON.parse((await slowCache.viewJson(DYAD, new Date())) ?? 'null')).toMatchObject({ meetings: { count: 99 } });
    } finally {
      await slowCache.onModuleDestroy();
    }
  });

  it('should answer null for a dyad nothing is known about', async () => {
    expect(await cache.viewJson(DYAD, new Date())).toBeNull();
    expect(await histories.history(DYAD)).toBeNull();
  });

  // The days of the meetings a past view shows; a fact whose valid time is moved past it behind
  // the projection's back drops out of it when the database is read.
  const pastMeetingDays = async (options?: { fromDatabase?: boolean; now?: Date }) => {
    const history = await histories.history(DYAD, options);
    const view = history?.viewJsonAt({ dyad: DYAD, asOf: new Date('2098-01-01T00:00:00Z'), knownAt: new Date() });
    return (JSON.parse(view ?? 'null') as RelationshipView | null)?.meetings.items.map((meeting) => meeting.day);
  };
  const tamperWithStoredFacts = () =>
    database.query(`update relationship_facts set metadata = jsonb_set(metadata::jsonb, '{occurredAt}', '"2099-01-01"')::json where dyad = $1`, [DYAD]);

  it('should answer past views from a history that reads, after a change, only the rows written since', async () => {
    await meet('2024-06-19');
    expect(await pastMeetingDays()).toEqual(['2024-06-19']);
    await tamperWithStoredFacts();
    expect(await pastMeetingDays()).toEqual(['2024-06-19']);

    await meet('2024-06-25');
    await waitUntil('the change to be announced', async () => (await pastMeetingDays())?.length === 2, 2_000);
    expect(await pastMeetingDays()).toEqual(['2024-06-19', '2024-06-25']);
    // A reader that waits for a position reads what was written since, announced or not.
    await meet('2024-06-28');
    expect(await pastMeetingDays({ fromDatabase: true })).toEqual(['2024-06-19', '2024-06-25', '2024-06-28']);
  });

  it('should bring a history up to date once its time is up, when a change was never announced', async () => {
    // A worker that died between its commit and its NOTIFY: this cache hears nothing.
    const deaf: Database = {
      kind: database.kind,
      transaction: (work) => database.transaction(work),
      close: () => database.close(),
      listen: (channel) => database.listen(channel, () => undefined),
      query: (sql, params, options) => database.query(sql, params, options),
    };
    const unannounced = new RelationshipHistoryCache(deaf, cacheConfig);
    try {
      const start = Date.now();
      const days = async (seconds: number) =>
        (JSON.parse((await unannounced.history(DYAD, { now: new Date(start + seconds * 1_000) }))?.viewJsonAt({ dyad: DYAD, asOf: new Date('2098-01-01T00:00:00Z'), knownAt: new Date() }) ?? 'null') as RelationshipView | null)?.meetings.items.map((m) => m.day);
      await meet('2024-06-19');
      expect(await days(0)).toEqual(['2024-06-19']);
      await meet('2024-06-25');
      expect(await days(30)).toEqual(['2024-06-19']);
      expect(await days(61)).toEqual(['2024-06-19', '2024-06-25']);
    } finally {
      await unannounced.onModuleDestroy();
    }
  });
}

describe('Current view cache [pglite]', () => {
  currentViewCacheContract(() => openPgliteTestDatabase());
});

describePostgres('Current view cache [postgres]', (database) => {
  currentViewCacheContract(() => PostgresDatabase.connect(database().url));
});
