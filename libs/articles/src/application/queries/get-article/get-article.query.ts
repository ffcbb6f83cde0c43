import { Query } from '@nestjs/cqrs';

export interface ArticleDetails {
  readonly articleId: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly url: string | null;
  readonly source: string | null;
  readonly language: string;
  readonly text: string;
  readonly recordedAt: string;
  readonly retractedAt: string | null;
  readonly retractionReason: string | null;
  readonly facts: readonly Record<string, unknown>[];
}

export class GetArticleQuery extends Query<ArticleDetails> {
  constructor(
    readonly articleId: string,
    readonly minPosition?: string,
  ) {
    super();
  }
}
