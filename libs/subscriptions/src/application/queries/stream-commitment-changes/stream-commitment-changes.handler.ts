import { parseLogCheckpoint } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Observable } from 'rxjs';
import type { CommitmentChange } from '../../../domain/commitment-change';
import { CHANGE_STREAM, type ChangeStream } from '../../ports/commitment-feed.port';
import { StreamCommitmentChangesQuery } from './stream-commitment-changes.query';

// A malformed Last-Event-ID is refused here, before the stream opens, so that it gets a 400.
@QueryHandler(StreamCommitmentChangesQuery)
export class StreamCommitmentChangesHandler implements IQueryHandler<StreamCommitmentChangesQuery, Observable<CommitmentChange>> {
  constructor(@Inject(CHANGE_STREAM) private readonly stream: ChangeStream) {}

  async execute({ filter, lastEventId }: StreamCommitmentChangesQuery): Promise<Observable<CommitmentChange>> {
    const after = lastEventId === undefined ? undefined : parseLogCheckpoint(lastEventId);
    return this.stream.subscribe(filter, after);
  }
}
