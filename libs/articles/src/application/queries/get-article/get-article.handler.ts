import { DATABASE, DYAD_CONFIG, parseLogCheckpoint, waitUntilCaughtUp, type Database, type DyadConfig } from '@dyad/platform';
import { GetArticleFactsQuery, RELATIONSHIPS_READ_MODEL } from '@dyad/relations';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ArticleError } from '../../../domain/article.errors';
import { articleStreamId } from '../../../domain/article.events';
import { ARTICLES_READ_MODEL } from '../../read-models/articles/articles.projection';
import { GetArticleQuery, type ArticleDetails } from './get-article.query';

@QueryHandler(GetArticleQuery)
export class GetArticleHandler implements IQueryHandler<GetArticleQuery, ArticleDetails> {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
    @Inject(QueryBus) private readonly queryBus: QueryBus,
  ) {}

  async execute({ articleId, minPosition }: GetArticleQuery): Promise<ArticleDetails> {
    if (minPosition) await this.awaitArticle(articleId, minPosition);
    const { rows } = await this.database.query<Omit<ArticleDetails, 'facts'>>(
      `select article_id as "articleId", title, to_char(published_at, 'YYYY-MM-DD') as "publishedAt", url, source,
              language, text, recorded_at as "recordedAt", retracted_at as "retractedAt",
              retraction_reason as "retractionReason"
       from article_view where article_id = $1`,
      [articleId],
    );
    if (rows.length === 0) throw new ArticleError('ARTICLES.NOT_FOUND', `No article ${articleId}`, { articleId });
    const facts = await this.queryBus.execute(new GetArticleFactsQuery(articleId));
    return { ...rows[0], facts };
  }

  // The article row and its facts are two read models; both must have seen the write.
  private async awaitArticle(articleId: string, minPosition: string): Promise<void> {
    const upTo = parseLogCheckpoint(minPosition);
    const timeoutMs = this.config.DYAD_READ_WAIT_MS;
    await waitUntilCaughtUp(this.database, ARTICLES_READ_MODEL, [articleStreamId(articleId)], upTo, timeoutMs);
    const { rows } = await this.database.query<{ fact_streams: string[] }>(
      'select fact_streams from article_view where article_id = $1',
      [articleId],
    );
    await waitUntilCaughtUp(this.database, RELATIONSHIPS_READ_MODEL, rows[0]?.fact_streams ?? [], upTo, timeoutMs);
  }
}
