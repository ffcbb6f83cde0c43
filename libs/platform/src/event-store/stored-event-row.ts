import type { EventMetadata, StoredEvent } from './event-store.port';

// One `events` row as both adapters return it (int8 and xid8 as bigint, json parsed).
export interface StoredEventRow {
  global_position: bigint;
  transaction_id: bigint;
  event_id: string;
  stream_id: string;
  stream_position: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  valid_at: Date;
}

export const STORED_EVENT_COLUMNS =
  'global_position, transaction_id, event_id, stream_id, stream_position, type, data, metadata, recorded_at, valid_at';

export function toStoredEvent(row: StoredEventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    validAt: row.valid_at,
  };
}
