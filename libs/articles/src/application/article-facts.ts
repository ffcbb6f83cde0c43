import { EVENT_STORE, formatLogCheckpoint, checkpointOf, type EventStore } from '@dyad/platform';
import { toFactView } from '@dyad/relations';
import { Inject, Injectable } from '@nestjs/common';
import { ArticleError } from '../domain/article.errors';
import { articleStreamId, type ArticleIngested } from '../domain/article.events';
import type { IngestedFacts } from './commands/ingest-article/ingest-article.command';

// The answer to an article sent again: the facts its first ingestion produced, read from the log
// itself so that it holds even before the read models have caught up.
@Injectable()
export class ArticleFacts {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async duplicateOf(articleId: string): Promise<IngestedFacts> {
    const { events } = await this.store.readStream(articleStreamId(articleId));
    const ingested = events.find((event) => event.type === 'ArticleIngested');
    if (!ingested) throw new ArticleError('ARTICLES.NOT_FOUND', `No article ${articleId}`, { articleId });
    const data = ingested.data as ArticleIngested['data'];
    const wanted = new Set(data.facts.map((fact) => fact.eventId));
    const streams = [...new Set(data.facts.map((fact) => fact.streamId))];
    const facts = (await Promise.all(streams.map((streamId) => this.store.readStream(streamId))))
      .flatMap((stream) => stream.events)
      .filter((event) => wanted.has(event.eventId));
    return {
      articleId,
      duplicate: true,
      position: formatLogCheckpoint(checkpointOf(ingested)),
      language: data.language,
      events: facts.map(toFactView),
    };
  }
}
