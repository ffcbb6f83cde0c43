import {
  DATABASE,
  EVENT_STORE,
  formatLogCheckpoint,
  handleCommand,
  streamOfEvent,
  type Database,
  type EventStore,
} from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { dyadOfStream, relationshipStreamId } from '../../../domain/dyad-id';
import { RelationsError } from '../../../domain/relations.errors';
import { planRelationshipCommand } from '../../plan-article-facts';
import { RetractFactCommand, type FactRetraction } from './retract-fact.command';

@CommandHandler(RetractFactCommand)
export class RetractFactHandler implements ICommandHandler<RetractFactCommand, FactRetraction> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async execute({ factId, reason }: RetractFactCommand): Promise<FactRetraction> {
    const dyad = await this.dyadOf(factId);
    const streamId = relationshipStreamId(dyad);
    return handleCommand(this.store, [streamId], (streams) => ({
      appends: [
        {
          streamId,
          events: planRelationshipCommand(streams.get(streamId)?.events ?? [], {
            type: 'RetractFact',
            data: { factId, reason, retractedAt: new Date().toISOString() },
          }),
        },
      ],
      result: (appended) => ({
        factId,
        dyad,
        retractionId: appended.events[0].eventId,
        position: appended.lastCheckpoint ? formatLogCheckpoint(appended.lastCheckpoint) : null,
      }),
    }));
  }

  // The log itself knows every fact at once; the read model may not have caught up yet.
  private async dyadOf(factId: string): Promise<string> {
    const streamId = await streamOfEvent(this.database, factId);
    const dyad = streamId ? dyadOfStream(streamId) : null;
    if (!dyad) throw new RelationsError('RELATIONS.FACT_NOT_FOUND', `No fact ${factId}`, { factId });
    return dyad;
  }
}
