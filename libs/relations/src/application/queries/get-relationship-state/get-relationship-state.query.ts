import { Query } from '@nestjs/cqrs';
import type { RelationshipView } from '../../../domain/relationship-view';

export class GetRelationshipStateQuery extends Query<RelationshipView> {
  constructor(
    readonly dyad: string,
    readonly asOf?: Date,
    readonly knownAt?: Date,
    readonly minPosition?: string,
  ) {
    super();
  }
}
