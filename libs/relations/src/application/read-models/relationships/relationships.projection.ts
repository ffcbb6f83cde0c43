import { DATABASE, type Database, PostCommitNotifier, ReadModel, type ReadModelProjection, type SqlExecutor, type StoredEvent } from '@dyad/platform';
import { Inject, Injectable } from '@nestjs/common';
import { dyadOfStream } from '../../../domain/dyad-id';
import { refreshStaleViews, VIEW_CHANGES_CHANNEL } from './current-view';

export const RELATIONSHIPS_READ_MODEL = 'relationships';

// Keeps every relationship event as a row, marks retracted facts, indexes commitments by id, and
// counts each dyad's changes; its current view is folded once per burst of changes, when first
// read (current-view.ts), so applying an event never folds a dyad's whole history.
@Injectable()
@ReadModel()
export class RelationshipsProjection implements ReadModelProjection {
  readonly name = RELATIONSHIPS_READ_MODEL;
  private readonly viewChanges: PostCommitNotifier;

  constructor(@Inject(DATABASE) database: Database) {
    this.viewChanges = new PostCommitNotifier(database, VIEW_CHANGES_CHANNEL);
  }

  async apply(tx: SqlExecutor, event: StoredEvent): Promise<void> {
    if (event.type === 'ArticleIngested') return recordSource(tx, event);
    const dyad = dyadOfStream(event.streamId);
    if (!dyad) return;
    await countChanges(tx, await recordFacts(tx, [{ dyad, event }]));
  }

  // A batch, live or rebuilding, writes its rows in a few statements.
  async applyBatch(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void> {
    const facts: DyadEvent[] = [];
    for (const event of events) {
      if (event.type === 'ArticleIngested') await recordSource(tx, event);
      const dyad = dyadOfStream(event.streamId);
      if (dyad) facts.push({ dyad, event });
    }
    await countChanges(tx, await recordFacts(tx, facts));
  }

  // The API processes keep current views in memory (current-view-cache.ts): these dyads' are old.
  committed(events: readonly StoredEvent[]): void {
    const dyads = new Set<string>();
    for (const event of events) {
      const dyad = dyadOfStream(event.streamId);
      if (dyad) dyads.add(dyad);
    }
    if (dyads.size > 0) this.viewChanges.notify(dyads);
  }

  async warm(database: Database): Promise<void> {
    await refreshStaleViews(database, new Date());
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('truncate relationship_facts, relationships, commitment_dyads, article_sources');
  }
}

interface DyadEvent {
  readonly dyad: string;
  readonly event: StoredEvent;
}

// One row per event, then the retractions and the commitments' dyads, each in one statement
// whatever the number of events. A retraction always comes after the fact it names in the log,
// so the fact's row exists once the rows are in, even when both are in the same batch. Returns
// what changed per dyad, from the rows actually written.
async function recordFacts(tx: SqlExecutor, facts: readonly DyadEvent[]): Promise<Map<string, DyadChange>> {
  const changes = new Map<string, DyadChange>();
  if (facts.length === 0) return changes;
  const metadataOf = (event: StoredEvent) => event.metadata as { articleId?: string; occurredAt?: string; recordedAt?: string };
  // The payloads are copied from the log inside the database: a fact's row never travels through
  // this process, which sends only the columns it derives (most of a rebuild's time went into
  // serialising and parsing the same JSON again).
  const { rows: written } = await tx.query<{ dyad: string; facts: number; last_occurred_at: string; last_recorded_at: Date }>(
    `with written as (
       insert into relationship_facts
         (event_id, dyad, event_type, article_id, data, metadata, occurred_at, recorded_at, known_at, transaction_id, global_position)
       select e.event_id, r.dyad, e.type, r.article_id, e.data, e.metadata, r.occurred_at, e.recorded_at, r.known_at, e.transaction_id, e.global_position
       from unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::timestamptz[]) as r(event_id, dyad, article_id, occurred_at, known_at)
         join events e on e.event_id = r.event_id
       on conflict (event_id) do nothing
       returning dyad, event_type, occurred_at, recorded_at
     )
     select dyad, (count(*) filter (where event_type <> 'FactRetracted'))::int as facts,
            to_char(max(occurred_at), 'YYYY-MM-DD') as last_occurred_at, max(recorded_at) as last_recorded_at
     from written group by dyad`,
    [
      facts.map(({ event }) => event.eventId),
      facts.map(({ dyad }) => dyad),
      facts.map(({ event }) => metadataOf(event).articleId ?? null),
      facts.map(({ event }) => metadataOf(event).occurredAt ?? event.validAt.toISOString().slice(0, 10)),
      facts.map(({ event }) => metadataOf(event).recordedAt ?? event.recordedAt.toISOString()),
    ],
  );
  for (const row of written) {
    changes.set(row.dyad, { facts: row.facts, lastOccurredAt: row.last_occurred_at, lastRecordedAt: row.last_recorded_at });
  }
  const data = (event: StoredEvent) => event.data as { factId?: string };
  const retractions = facts.filter(({ event }) => event.type === 'FactRetracted' && data(event).factId);
  if (retractions.length > 0) {
    const { rows: retracted } = await tx.query<{ dyad: string }>(
      `update relationship_facts f set retracted_at = r.retracted_at
       from unnest($1::uuid[], $2::timestamptz[]) as r(fact_id, retracted_at)
       where f.event_id = r.fact_id and f.retracted_at is null
       returning f.dyad`,
      [retractions.map(({ event }) => data(event).factId), retractions.map(({ event }) => event.recordedAt.toISOString())],
    );
    for (const { dyad } of retracted) changeOf(changes, dyad).facts -= 1;
  }
  const commitments = facts.filter(({ event }) => event.type === 'CommitmentMade' && data(event).factId);
  if (commitments.length > 0) {
    await tx.query(
      `insert into commitment_dyads (commitment_id, dyad)
       select * from unnest($1::uuid[], $2::text[]) on conflict do nothing`,
      [commitments.map(({ event }) => data(event).factId), commitments.map(({ dyad }) => dyad)],
    );
  }
  return changes;
}

interface DyadChange {
  facts: number; // standing facts added, less those retracted
  lastOccurredAt: string | null;
  lastRecordedAt: Date | null;
}

function changeOf(changes: Map<string, DyadChange>, dyad: string): DyadChange {
  let change = changes.get(dyad);
  if (!change) changes.set(dyad, (change = { facts: 0, lastOccurredAt: null, lastRecordedAt: null }));
  return change;
}

// The articles context publishes ArticleIngested; exports cite its url and title.
async function recordSource(tx: SqlExecutor, event: StoredEvent): Promise<void> {
  const data = event.data as { articleId: string; url: string | null; title: string; publishedAt: string };
  await tx.query(
    'insert into article_sources (article_id, url, title, published_at) values ($1, $2, $3, $4) on conflict do nothing',
    [data.articleId, data.url, data.title, data.publishedAt],
  );
}

// The summary columns of the touched dyads, moved by what the batch changed (never by reading
// a dyad's rows again), and one more change each: their stored views are now behind.
async function countChanges(tx: SqlExecutor, changes: ReadonlyMap<string, DyadChange>): Promise<void> {
  const touched = [...changes].filter(([, change]) => change.lastRecordedAt !== null || change.facts !== 0);
  if (touched.length === 0) return;
  await tx.query(
    `insert into relationships (dyad, view, fact_count, last_occurred_at, last_recorded_at, version)
     select dyad, null, facts, last_occurred_at, last_recorded_at, 1
     from unnest($1::text[], $2::int[], $3::date[], $4::timestamptz[]) as c(dyad, facts, last_occurred_at, last_recorded_at)
     on conflict (dyad) do update set fact_count = relationships.fact_count + excluded.fact_count,
       last_occurred_at = greatest(relationships.last_occurred_at, excluded.last_occurred_at),
       last_recorded_at = greatest(relationships.last_recorded_at, excluded.last_recorded_at),
       version = relationships.version + 1`,
    [
      touched.map(([dyad]) => dyad),
      touched.map(([, change]) => change.facts),
      touched.map(([, change]) => change.lastOccurredAt),
      touched.map(([, change]) => change.lastRecordedAt?.toISOString() ?? null),
    ],
  );
}
