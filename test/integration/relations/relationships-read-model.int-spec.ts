import { platformMigrations, rebuildReadModel, runMigrations, SqlEventStore, type Database } from '@dyad/platform';
import { openPgliteTestDatabase } from '@dyad/platform/testing/database-harness';
import { planArticleFacts, planRelationshipCommand, relationsMigrations, relationshipStreamId, stateAt, type CandidateFact } from '@dyad/relations';
import { randomUUID } from 'node:crypto';
import { currentView } from '../../../libs/relations/src/application/read-models/relationships/current-view';
import { loadRelationshipEvents } from '../../../libs/relations/src/application/read-models/relationships/relationship-rows';
import { upcastRelationshipEvent } from '../../../libs/relations/src/domain/relationship-event.upcaster';
import { RelationshipsProjection } from '../../../libs/relations/src/application/read-models/relationships/relationships.projection';
import { aCommitment, aMeeting, aStatusChange, aTension } from '../../../libs/relations/src/testing/relationship.factories';

// The relationships read model on a real (embedded) database: its rebuild, and its rows, which
// are the dyad's stream as the bitemporal queries fold it.
describe('Relationships read model [pglite]', () => {
  let database: Database;
  let store: SqlEventStore;
  let projection: RelationshipsProjection;

  beforeEach(async () => {
    database = await openPgliteTestDatabase();
    await runMigrations(database, [platformMigrations, relationsMigrations]);
    store = new SqlEventStore(database);
    projection = new RelationshipsProjection(database);
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

  // Views are folded when first read; the change counters differ between one event at a time
  // and batches, so they are left out.
  async function tables(): Promise<unknown> {
    const facts = await database.query('select * from relationship_facts order by global_position');
    for (const dyad of ['KP-RU', 'RU-SY']) await currentView(database, dyad, new Date());
    const views = await database.query<{ dyad: string; view: Record<string, unknown> }>(
      'select dyad, view, fact_count, last_occurred_at, last_recorded_at from relationships order by dyad',
    );
    const commitments = await database.query('select * from commitment_dyads order by commitment_id');
    // The views differ only by the instant they were computed at.
    const timeless = views.rows.map((row) => ({ ...row, view: { ...row.view, asOf: null, knownAt: null } }));
    return { facts: facts.rows, views: timeless, commitments: commitments.rows };
  }

  // A rebuild writes its rows batch by batch and the views once at the end.
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

  it('should keep as rows exactly the events of the dyad stream, which past views fold', async () => {
    await record('KP-RU', [aMeeting({ dyad: 'KP-RU', date: '2024-06-19' }), aCommitment({ dyad: 'KP-RU', occurredAt: '2024-06-19' })], '2024-06-19');
    await record('KP-RU', [aMeeting({ dyad: 'KP-RU', date: '2024-08-02' }), aTension({ dyad: 'KP-RU', occurredAt: '2024-08-02' })], '2024-08-02');
    await retractFirstFact('KP-RU');
    for (const event of await store.readAll()) await database.transaction((tx) => projection.apply(tx, event));

    const rows = await loadRelationshipEvents(database, 'KP-RU');
    const stream = (await store.readStream(relationshipStreamId('KP-RU'))).events.map(upcastRelationshipEvent);
    expect(rows).toEqual(stream.map(({ type, data, metadata }) => ({ type, data, metadata })));
    // The retraction (recorded after the day asked for) still hides the retracted meeting.
    const now = new Date();
    const asOfJuly = stateAt(stream, { dyad: 'KP-RU', asOf: new Date('2024-07-15T00:00:00Z'), knownAt: now });
    expect(asOfJuly.meetings.count).toBe(0);
    expect(asOfJuly.commitments).toHaveLength(1);
  });
});
