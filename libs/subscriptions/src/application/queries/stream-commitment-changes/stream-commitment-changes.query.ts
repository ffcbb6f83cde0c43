import type { ChangeFilter } from '../../../domain/change-filter';

// `lastEventId`: the id of the last change the subscriber received (Last-Event-ID), unparsed.
export class StreamCommitmentChangesQuery {
  constructor(
    readonly filter: ChangeFilter,
    readonly lastEventId: string | undefined,
  ) {}
}
