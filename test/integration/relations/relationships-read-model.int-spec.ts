import { platformMigrations, rebuildReadModel, runMigrations, SqlEventStore, type Database } from '@dyad/platform';
import { openPgliteTestDatabase } from '@dyad/platform/testing/database-harness';
import { planArticleFacts, planRelationshipCommand, relationsMigrations, relationshipStreamId, type CandidateFact } from '@dyad/relations';
import { randomUUID } from 'node:crypto';
import { RelationshipsProjection } from '../../../libs/relations/src/application/read-models/relationships/relationships.projection';
import { aCommitment, aMeeting, aStatusChange, aTension } from '../../../libs/relations/src/testing/relationship.factories';

// A rebuild writes its rows batch by batch and the views once at the end; the tables must come
// out as the live projection, event by event, leaves them.
describe('Relationships read model rebuild [pglite]', () => {
  let database: Database;
  let store: SqlEventStore;
  const projection = new RelationshipsProjection();

  beforeEach(async () => {
    database = await openPgliteTestDatabase();
    await runMigrations(database, [platformMigrations, relationsMigrations]);
    store = new SqlEventStore(database);
  });
  afterEach(() => database.close());

  async function record(dyad: string, facts: CandidateFact[], day: string): Promise<void> {
    const streamId = relationshipStreamId(dyad);
    const { version, events } = await store.readStream(streamId);
    const input = { articleId: randomUUID(), dyad, publishedAt: day, facts, extractor: { name: 'spec', version: '1' }, recordedAt: `${day}T12:00:00Z` };
    await store.appendToStreams([{ streamId, expectedVersion: version, events: planArticleFacts(events, input) }]);
  }

  async function retractFirstFact(dyad: string): Promise<void> {
    const streamId = relationshipStreamId(dyad);
    const { version, events } = await store.readStream(streamId);
    const factId = (events[0].data as { factId: string }).factId;
    const retraction = planRelationshipCommand(events, { type: 'RetractFact', data: { factId, reason: 'misread', retractedAt: '2024-07-01T00:00:00Z' } });
    await store.appendToStreams([{ streamId, expectedVersion: version, events: retraction }]);
  }

  async function tables(): Promise<unknown> {
    const facts = await database.query('select * from relationship_facts order by global_position');
    const views = await database.query<{ dyad: string; view: Record<string, unknown> }>('select * from relationships order by dyad');
    const commitments = await database.query('select * from commitment_dyads order by commitment_id');
    // The views differ only by the instant they were computed at.
    const timeless = views.rows.map((row) => ({ ...row, view: { ...row.view, asOf: null, knownAt: null } }));
    return { facts: facts.rows, views: timeless, commitments: commitments.rows };
  }

  it('should leave the same rows and views as the live projection when batches split articles and retractions', async () => {
    await record('KP-RU', [aMeeting({ dyad: 'KP-RU' }), aCommitment({ dyad: 'KP-RU' }), aTension({ dyad: 'KP-RU' })], '2024-06-19');
    await record('RU-SY', [aMeeting({ dyad: 'RU-SY', date: '2024-06-20', participants: [{ name: 'Vladimir Putin', country: 'RU' }], location: { city: 'Moscow', country: 'RU' } })], '2024-06-20');
    await record('KP-RU', [aMeeting({ dyad: 'KP-RU' }), aStatusChange({ dyad: 'KP-RU', status: 'in_progress', occurredAt: '2024-06-25' })], '2024-06-25');
    await retractFirstFact('KP-RU');
    await retractFirstFact('RU-SY');

    for (const event of await store.readAll()) await database.transaction((tx) => projection.apply(tx, event));
    const live = await tables();
    await rebuildReadModel(database, store, projection, undefined, 3);

    expect(await tables()).toEqual(live);
    expect((live as { views: unknown[] }).views).toHaveLength(2);
  });
});
