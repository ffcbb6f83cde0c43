import { Query } from '@nestjs/cqrs';
import type { RelationshipView } from '../../../domain/relationship-view';

interface StateQueryParameters {
  readonly dyad: string;
  readonly asOf?: Date;
  readonly knownAt?: Date;
  readonly minPosition?: string;
}

export class GetRelationshipStateQuery extends Query<RelationshipView> implements StateQueryParameters {
  constructor(
    readonly dyad: string,
    readonly asOf?: Date,
    readonly knownAt?: Date,
    readonly minPosition?: string,
  ) {
    super();
  }
}

// The same state as the JSON text the API answers with: the current view is sent as it is
// stored, without being parsed and serialized again on the way.
export class GetRelationshipStateJsonQuery extends Query<string> implements StateQueryParameters {
  constructor(
    readonly dyad: string,
    readonly asOf?: Date,
    readonly knownAt?: Date,
    readonly minPosition?: string,
  ) {
    super();
  }
}

export type { StateQueryParameters };
