// Reasons an article is refused. Codes are stable: clients and the HTTP filter key on them.
export type ArticleErrorCode =
  | 'ARTICLES.EMPTY_TEXT'
  | 'ARTICLES.EMPTY_TITLE'
  | 'ARTICLES.TOO_LARGE'
  | 'ARTICLES.BINARY_TEXT'
  | 'ARTICLES.INVALID_PUBLISHED_AT'
  | 'ARTICLES.PUBLISHED_IN_FUTURE'
  | 'ARTICLES.INVALID_URL'
  | 'ARTICLES.NOT_FOUND'
  | 'ARTICLES.ALREADY_RETRACTED';

export class ArticleError extends Error {
  constructor(
    readonly code: ArticleErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
