import { ExtractionModule } from '@dyad/extraction';
import { Module } from '@nestjs/common';
import { ArticlesController } from './api/articles.controller';
import { ArticleFacts } from './application/article-facts';
import { IngestArticleHandler } from './application/commands/ingest-article/ingest-article.handler';
import { RetractArticleHandler } from './application/commands/retract-article/retract-article.handler';
import { ARTICLE_KEYS } from './application/ports/article-keys.port';
import { GetArticleHandler } from './application/queries/get-article/get-article.handler';
import { ArticlesProjection } from './application/read-models/articles/articles.projection';
import { SqlArticleKeys } from './infrastructure/sql-article-keys.adapter';

@Module({
  imports: [ExtractionModule],
  controllers: [ArticlesController],
  providers: [IngestArticleHandler, RetractArticleHandler, GetArticleHandler, ArticleFacts, { provide: ARTICLE_KEYS, useClass: SqlArticleKeys }],
})
export class ArticlesModule {}

@Module({ providers: [ArticlesProjection] })
export class ArticlesReadModelsModule {}
