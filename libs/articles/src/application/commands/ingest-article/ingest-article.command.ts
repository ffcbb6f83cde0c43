import { Command } from '@nestjs/cqrs';
import type { ArticleSubmission } from '../../../domain/article-submission';

export interface IngestedFacts {
  readonly articleId: string;
  readonly duplicate: boolean;
  // The log position of the article's last event: reads given `minPosition` wait for it.
  readonly position: string | null;
  readonly language: string;
  readonly events: readonly Record<string, unknown>[];
}

export class IngestArticleCommand extends Command<IngestedFacts> {
  constructor(readonly submission: ArticleSubmission) {
    super();
  }
}
