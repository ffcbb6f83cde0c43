import { Query } from '@nestjs/cqrs';
import type { RelationshipView } from '../../../domain/relationship-view';

// A dyad's state, now or as of a day and as known at an instant; the two queries below differ
// only in the form of the answer.
export abstract class StateQuery<Answer> extends Query<Answer> {
  constructor(
    readonly dyad: string,
    readonly asOf?: Date,
    readonly knownAt?: Date,
    readonly minPosition?: string,
  ) {
    super();
  }
}

export class GetRelationshipStateQuery extends StateQuery<RelationshipView> {}

// The same state as the JSON text the API answers with: the current view is sent as it is
// stored, without being parsed and serialized again on the way.
export class GetRelationshipStateJsonQuery extends StateQuery<string> {}
