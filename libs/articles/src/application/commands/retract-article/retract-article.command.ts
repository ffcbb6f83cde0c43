import { Command } from '@nestjs/cqrs';

export interface ArticleRetraction {
  readonly articleId: string;
  readonly retractedFacts: number;
  readonly position: string | null;
}

// The article was withdrawn: every fact that it alone supports leaves the state from now on.
export class RetractArticleCommand extends Command<ArticleRetraction> {
  constructor(
    readonly articleId: string,
    readonly reason: string,
  ) {
    super();
  }
}
