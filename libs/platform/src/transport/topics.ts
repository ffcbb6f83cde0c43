import { z } from 'zod';
import type { StoredEvent } from '../event-store/event-store.port';
import type { TransportMessage } from './transport.port';

// Every topic Dyad uses, with its key. A changed value shape gets a new topic version (`.v2`),
// so consumers of the old one keep working while they move.
export const TOPICS = {
  // Every committed log event; key = stream id, so one stream stays in order on one partition.
  events: 'dyad.events.v1',
  // The commitment-change feed for outside subscribers; key = commitment id.
  commitmentChanges: 'dyad.commitment-changes.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

// JSON has no bigint and no Date: positions travel as decimal strings, times as ISO 8601.
const wireEvent = z.object({
  eventId: z.string(),
  streamId: z.string(),
  streamPosition: z.number().int().positive(),
  globalPosition: z.string().regex(/^\d+$/),
  transactionId: z.string().regex(/^\d+$/),
  type: z.string(),
  data: z.unknown(),
  metadata: z.record(z.string(), z.unknown()),
  recordedAt: z.iso.datetime({ offset: true }),
  validAt: z.iso.datetime({ offset: true }),
});

export function serialiseStoredEvent(event: StoredEvent): string {
  const wire: z.input<typeof wireEvent> = {
    eventId: event.eventId,
    streamId: event.streamId,
    streamPosition: event.streamPosition,
    globalPosition: event.globalPosition.toString(),
    transactionId: event.transactionId.toString(),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
    validAt: event.validAt.toISOString(),
  };
  return JSON.stringify(wire);
}

export function parseStoredEvent(value: string): StoredEvent {
  const wire = wireEvent.parse(JSON.parse(value));
  return {
    ...wire,
    globalPosition: BigInt(wire.globalPosition),
    transactionId: BigInt(wire.transactionId),
    recordedAt: new Date(wire.recordedAt),
    validAt: new Date(wire.validAt),
  };
}

export function eventMessage(event: StoredEvent): TransportMessage {
  return { topic: TOPICS.events, key: event.streamId, value: serialiseStoredEvent(event) };
}

export function commitmentChangeMessage(commitmentId: string, change: unknown): TransportMessage {
  return { topic: TOPICS.commitmentChanges, key: commitmentId, value: JSON.stringify(change) };
}
