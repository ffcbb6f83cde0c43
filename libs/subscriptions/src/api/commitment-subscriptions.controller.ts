import { DYAD_CONFIG, RequiresScope, ZodValidationPipe, type DyadConfig } from '@dyad/platform';
import { Controller, Headers, Inject, type MessageEvent, Query, Sse } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import type { z } from 'zod';
import { StreamCommitmentChangesQuery } from '../application/queries/stream-commitment-changes/stream-commitment-changes.query';
import { COMMITMENT_CHANGED, type CommitmentChange } from '../domain/commitment-change';
import { commitmentStreamQuerySchema } from './subscriptions.dto';

// Every subscriber of a process gets the same change object from the hub: serialise it once,
// not once per connection (with a thousand subscribers, that was most of the fan-out's time).
const serialisedChanges = new WeakMap<CommitmentChange, string>();
function serialised(change: CommitmentChange): string {
  let json = serialisedChanges.get(change);
  if (json === undefined) {
    json = JSON.stringify(change);
    serialisedChanges.set(change, json);
  }
  return json;
}

@ApiTags('subscriptions')
@RequiresScope('read')
@Controller('v1/subscriptions')
export class CommitmentSubscriptionsController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
  ) {}

  @Sse('commitments')
  @ApiOperation({
    summary: 'Server-Sent Events: each commitment change (made, reaffirmed, status changed, retracted)',
    description:
      'Events are named commitment.changed; the id is the log position of the change. Reconnect with Last-Event-ID (or ?lastEventId=) to receive what was missed, nothing twice. Comment lines are heartbeats.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiQuery({ name: 'dyad', required: false, example: 'RU-SY' })
  @ApiQuery({ name: 'category', required: false })
  @ApiQuery({ name: 'status', required: false, description: 'the status the change leads to' })
  @ApiQuery({ name: 'lastEventId', required: false })
  @ApiResponse({ status: 400, description: 'a malformed filter or Last-Event-ID' })
  async commitments(
    @Query(new ZodValidationPipe(commitmentStreamQuerySchema)) query: z.infer<typeof commitmentStreamQuerySchema>,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
  ): Promise<Observable<MessageEvent>> {
    const { lastEventId, ...filter } = query;
    const changes: Observable<CommitmentChange> = await this.queryBus.execute(
      new StreamCommitmentChangesQuery(filter, lastEventIdHeader ?? lastEventId),
    );
    return merge(
      changes.pipe(map((change): MessageEvent => ({ id: change.position, type: COMMITMENT_CHANGED, data: serialised(change) }))),
      interval(this.config.DYAD_SSE_HEARTBEAT_MS).pipe(map((): MessageEvent => ({ comment: 'heartbeat' }))),
    );
  }
}
