import { Query } from '@nestjs/cqrs';

export interface RelationshipSummary {
  readonly dyad: string;
  readonly meetings: number;
  readonly commitments: number;
  readonly openTensions: number;
  readonly score: number;
  readonly facts: number;
  readonly lastOccurredAt: string;
  readonly lastRecordedAt: string;
}

export class ListRelationshipsQuery extends Query<RelationshipSummary[]> {
  constructor(readonly country?: string) {
    super();
  }
}
