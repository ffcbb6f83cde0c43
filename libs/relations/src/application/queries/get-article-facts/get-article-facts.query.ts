import { Query } from '@nestjs/cqrs';
import type { FactView } from '../../fact-view';

// The facts one article produced, each with `retractedAt` when it was retracted.
export class GetArticleFactsQuery extends Query<FactView[]> {
  constructor(readonly articleId: string) {
    super();
  }
}
