import type { SqlExecutor } from '@dyad/platform';

// The url and content hash of every ingested article, for deduplication.
export interface ArticleKeys {
  findArticleId(keys: readonly string[]): Promise<string | null>;
  // Inside the ingestion transaction; false when another ingestion took one of the keys first.
  claim(tx: SqlExecutor, articleId: string, keys: readonly string[]): Promise<boolean>;
}

export const ARTICLE_KEYS = Symbol('ARTICLE_KEYS');

export function articleKeysOf(article: { url: string | null; contentHash: string }): string[] {
  return [`hash:${article.contentHash}`, ...(article.url ? [`url:${article.url}`] : [])];
}
