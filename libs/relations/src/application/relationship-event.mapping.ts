import type { NewEvent } from '@dyad/platform';
import type { RelationshipEvent } from '../domain/relationship.events';

// A fact event's id in the log is its factId, the id that retractions and `corroborates` name.
// Its valid time is when it happened; a retraction is valid from when it was made.
export function toNewEvent(event: RelationshipEvent): NewEvent {
  if (event.type === 'FactRetracted') {
    return { type: event.type, data: event.data, metadata: event.metadata, validAt: new Date(event.metadata.recordedAt) };
  }
  return {
    eventId: event.data.factId,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    validAt: new Date(`${event.metadata.occurredAt}T00:00:00Z`),
  };
}
