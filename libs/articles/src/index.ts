export * from './articles.module';
export { articlesMigrations } from './application/read-models/articles/articles.migrations';
export { IngestArticleCommand, type IngestedFacts } from './application/commands/ingest-article/ingest-article.command';
export type { ArticleSubmission } from './domain/article-submission';
export { ArticleError } from './domain/article.errors';
