import { type Database, ReadModel, type ReadModelProjection, type SqlExecutor, type StoredEvent } from '@dyad/platform';
import { Injectable } from '@nestjs/common';
import { dyadOfStream } from '../../../domain/dyad-id';
import { foldAndKeep } from './current-view';

export const RELATIONSHIPS_READ_MODEL = 'relationships';

// Keeps every relationship event as a row, marks retracted facts, indexes commitments by id, and
// counts each dyad's changes; its current view is folded once per burst of changes, when first
// read (current-view.ts), so applying an event never folds a dyad's whole history.
@Injectable()
@ReadModel()
export class RelationshipsProjection implements ReadModelProjection {
  readonly name = RELATIONSHIPS_READ_MODEL;

  async apply(tx: SqlExecutor, event: StoredEvent): Promise<void> {
    if (event.type === 'ArticleIngested') return recordSource(tx, event);
    const dyad = dyadOfStream(event.streamId);
    if (!dyad) return;
    await recordFacts(tx, [{ dyad, event }]);
    await countChanges(tx, [dyad]);
  }

  // A rebuild writes each batch's rows in a few statements and folds the views once at the end.
  async applyBatch(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void> {
    const facts: DyadEvent[] = [];
    for (const event of events) {
      if (event.type === 'ArticleIngested') await recordSource(tx, event);
      const dyad = dyadOfStream(event.streamId);
      if (dyad) facts.push({ dyad, event });
    }
    await recordFacts(tx, facts);
    await countChanges(tx, [...new Set(facts.map(({ dyad }) => dyad))]);
  }

  async completeRebuild(database: Database): Promise<void> {
    const { rows } = await database.query<{ dyad: string; version: string }>('select dyad, version::text as version from relationships');
    const now = new Date();
    for (const { dyad, version } of rows) await foldAndKeep(database, dyad, version, now);
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
// so the fact's row exists once the rows are in, even when both are in the same batch.
async function recordFacts(tx: SqlExecutor, facts: readonly DyadEvent[]): Promise<void> {
  if (facts.length === 0) return;
  const metadataOf = (event: StoredEvent) => event.metadata as { articleId?: string; occurredAt?: string };
  await tx.query(
    `insert into relationship_facts
       (event_id, dyad, event_type, article_id, data, metadata, occurred_at, recorded_at, transaction_id, global_position)
     select event_id, dyad, event_type, article_id, data::jsonb, metadata::jsonb, occurred_at, recorded_at, transaction_id::xid8, global_position
     from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::date[], $8::timestamptz[], $9::text[], $10::bigint[])
       as r(event_id, dyad, event_type, article_id, data, metadata, occurred_at, recorded_at, transaction_id, global_position)
     on conflict (event_id) do nothing`,
    [
      facts.map(({ event }) => event.eventId),
      facts.map(({ dyad }) => dyad),
      facts.map(({ event }) => event.type),
      facts.map(({ event }) => metadataOf(event).articleId ?? null),
      facts.map(({ event }) => JSON.stringify(event.data)),
      facts.map(({ event }) => JSON.stringify(event.metadata)),
      facts.map(({ event }) => metadataOf(event).occurredAt ?? event.validAt.toISOString().slice(0, 10)),
      facts.map(({ event }) => event.recordedAt.toISOString()),
      facts.map(({ event }) => event.transactionId.toString()),
      facts.map(({ event }) => event.globalPosition.toString()),
    ],
  );
  const data = (event: StoredEvent) => event.data as { factId?: string };
  const retractions = facts.filter(({ event }) => event.type === 'FactRetracted' && data(event).factId);
  if (retractions.length > 0) {
    await tx.query(
      `update relationship_facts f set retracted_at = r.retracted_at
       from unnest($1::uuid[], $2::timestamptz[]) as r(fact_id, retracted_at)
       where f.event_id = r.fact_id and f.retracted_at is null`,
      [retractions.map(({ event }) => data(event).factId), retractions.map(({ event }) => event.recordedAt.toISOString())],
    );
  }
  const commitments = facts.filter(({ event }) => event.type === 'CommitmentMade' && data(event).factId);
  if (commitments.length > 0) {
    await tx.query(
      `insert into commitment_dyads (commitment_id, dyad)
       select * from unnest($1::uuid[], $2::text[]) on conflict do nothing`,
      [commitments.map(({ event }) => data(event).factId), commitments.map(({ dyad }) => dyad)],
    );
  }
}

// The articles context publishes ArticleIngested; exports cite its url and title.
async function recordSource(tx: SqlExecutor, event: StoredEvent): Promise<void> {
  const data = event.data as { articleId: string; url: string | null; title: string; publishedAt: string };
  await tx.query(
    'insert into article_sources (article_id, url, title, published_at) values ($1, $2, $3, $4) on conflict do nothing',
    [data.articleId, data.url, data.title, data.publishedAt],
  );
}

// The summary columns of the touched dyads, and one more change each: their stored views are
// now behind.
async function countChanges(tx: SqlExecutor, dyads: readonly string[]): Promise<void> {
  if (dyads.length === 0) return;
  await tx.query(
    `insert into relationships (dyad, view, fact_count, last_occurred_at, last_recorded_at, version)
     select dyad, null, count(*) filter (where event_type <> 'FactRetracted' and retracted_at is null),
            max(occurred_at), max(recorded_at), 1
     from relationship_facts where dyad = any($1::text[]) group by dyad
     on conflict (dyad) do update set fact_count = excluded.fact_count, last_occurred_at = excluded.last_occurred_at,
       last_recorded_at = excluded.last_recorded_at, version = relationships.version + 1`,
    [dyads],
  );
}
