import { ReadModel, type ReadModelProjection, type SqlExecutor, type StoredEvent } from '@dyad/platform';
import { Injectable } from '@nestjs/common';
import type { ArticleEvent } from '../../../domain/article.events';

export const ARTICLES_READ_MODEL = 'articles';

@Injectable()
@ReadModel()
export class ArticlesProjection implements ReadModelProjection {
  readonly name = ARTICLES_READ_MODEL;

  async apply(tx: SqlExecutor, stored: StoredEvent): Promise<void> {
    if (!stored.streamId.startsWith('article-')) return;
    const event = { type: stored.type, data: stored.data } as ArticleEvent;
    switch (event.type) {
      case 'ArticleIngested': {
        const { data } = event;
        await tx.query(
          `insert into article_view
             (article_id, title, published_at, url, source, language, content_hash, text, fact_event_ids, fact_streams, recorded_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10::text[], $11)
           on conflict (article_id) do nothing`,
          [
            data.articleId,
            data.title,
            data.publishedAt,
            data.url,
            data.source,
            data.language,
            data.contentHash,
            data.text,
            data.facts.map((fact) => fact.eventId),
            [...new Set(data.facts.map((fact) => fact.streamId))],
            stored.recordedAt,
          ],
        );
        return;
      }
      case 'ArticleRetracted':
        await tx.query('update article_view set retracted_at = $2, retraction_reason = $3 where article_id = $1', [
          event.data.articleId,
          stored.recordedAt,
          event.data.reason,
        ]);
        return;
      default: {
        const unexpected: never = event;
        throw new Error(`Unhandled article event ${(unexpected as ArticleEvent).type}`);
      }
    }
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('truncate article_view');
  }
}
