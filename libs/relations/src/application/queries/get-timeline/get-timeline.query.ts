import { Query } from '@nestjs/cqrs';
import type { FactView } from '../../fact-view';

export class GetTimelineQuery extends Query<{ dyad: string; facts: FactView[] }> {
  constructor(
    readonly dyad: string,
    readonly from?: string,
    readonly to?: string,
    readonly minPosition?: string,
  ) {
    super();
  }
}
