import type { EventMetadata, ExpectedVersion, StreamAppend } from './event-store.port';
import { InvalidAppendError } from './event-store.errors';
import { uuidV7 } from './uuid-v7';

export interface PlannedEvent {
  readonly eventId: string;
  readonly streamId: string;
  // 1-based index of the stream in the append, and of the event within its stream.
  readonly streamIndex: number;
  readonly ordinal: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly validAt: Date | null;
}

export interface AppendPlan {
  readonly streams: ReadonlyArray<{ streamId: string; expectedVersion: ExpectedVersion; added: number }>;
  readonly events: readonly PlannedEvent[];
  // Only ids a caller chose can show that an append already happened.
  readonly idsChosenByCaller: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Checks an append and fixes everything that does not need the database: ids, order, arrays.
export function planAppend(appends: readonly StreamAppend[]): AppendPlan {
  const seen = new Set<string>();
  const ids = new Set<string>();
  const events: PlannedEvent[] = [];
  let idsChosenByCaller = true;
  appends.forEach((append, index) => {
    if (!append.streamId) throw new InvalidAppendError('A stream id is empty');
    if (seen.has(append.streamId)) throw new InvalidAppendError(`Stream ${append.streamId} appears twice in one append`);
    seen.add(append.streamId);
    const expected = append.expectedVersion;
    if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
      throw new InvalidAppendError(`Expected version of ${append.streamId} must be a whole number >= 0, got ${expected}`);
    }
    append.events.forEach((event, position) => {
      if (!event.eventId) idsChosenByCaller = false;
      const eventId = (event.eventId ?? uuidV7()).toLowerCase();
      if (!uuid.test(eventId)) throw new InvalidAppendError(`Event id ${eventId} is not a UUID`);
      if (ids.has(eventId)) throw new InvalidAppendError(`Event id ${eventId} appears twice in one append`);
      ids.add(eventId);
      events.push({
        eventId,
        streamId: append.streamId,
        streamIndex: index + 1,
        ordinal: position + 1,
        type: event.type,
        data: event.data,
        metadata: event.metadata ?? {},
        validAt: event.validAt ?? null,
      });
    });
  });
  return {
    streams: appends.map((append) => ({ streamId: append.streamId, expectedVersion: append.expectedVersion, added: append.events.length })),
    events,
    idsChosenByCaller: idsChosenByCaller && events.length > 0,
  };
}

// The number the append statement compares with: -1 skips the check, 0 means "no stream yet".
export function expectedAsNumber(expected: ExpectedVersion): number {
  if (expected === 'any') return -1;
  if (expected === 'no_stream') return 0;
  return expected;
}
