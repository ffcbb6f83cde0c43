import { EVENT_STORE, formatLogCheckpoint, handleCommand, type EventStore } from '@dyad/platform';
import { planRelationshipCommand } from '@dyad/relations';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ArticleError } from '../../../domain/article.errors';
import { ARTICLE_SCHEMA_VERSION, articleStreamId, type ArticleIngested, type ArticleRetracted } from '../../../domain/article.events';
import { RetractArticleCommand, type ArticleRetraction } from './retract-article.command';

// The article's own retraction and the retraction of its facts on every relationship it
// touched commit together.
@CommandHandler(RetractArticleCommand)
export class RetractArticleHandler implements ICommandHandler<RetractArticleCommand, ArticleRetraction> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ articleId, reason }: RetractArticleCommand): Promise<ArticleRetraction> {
    const articleStream = articleStreamId(articleId);
    const { events } = await this.store.readStream(articleStream);
    const ingested = events.find((event) => event.type === 'ArticleIngested');
    if (!ingested) throw new ArticleError('ARTICLES.NOT_FOUND', `No article ${articleId}`, { articleId });
    const factStreams = [...new Set((ingested.data as ArticleIngested['data']).facts.map((fact) => fact.streamId))];

    return handleCommand(this.store, [articleStream, ...factStreams], (streams) => {
      if (streams.get(articleStream)?.events.some((event) => event.type === 'ArticleRetracted')) {
        throw new ArticleError('ARTICLES.ALREADY_RETRACTED', `Article ${articleId} is already retracted`, { articleId });
      }
      const retractedAt = new Date().toISOString();
      const relationshipAppends = factStreams.map((streamId) => ({
        streamId,
        events: planRelationshipCommand(streams.get(streamId)?.events ?? [], {
          type: 'RetractArticle',
          data: { articleId, reason, retractedAt },
        }),
      }));
      const retracted: ArticleRetracted = { type: 'ArticleRetracted', data: { articleId, reason } };
      return {
        appends: [
          { streamId: articleStream, events: [{ ...retracted, metadata: { schemaVersion: ARTICLE_SCHEMA_VERSION, recordedAt: retractedAt } }] },
          ...relationshipAppends,
        ],
        result: (appended) => ({
          articleId,
          retractedFacts: relationshipAppends.reduce((count, append) => count + append.events.length, 0),
          position: appended.lastCheckpoint ? formatLogCheckpoint(appended.lastCheckpoint) : null,
        }),
      };
    });
  }
}
