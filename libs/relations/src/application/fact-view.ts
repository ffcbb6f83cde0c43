import type { StoredEvent } from '@dyad/platform';
import { codeFactEvent } from '../domain/fact-event-coding';
import { upcastRelationshipEvent } from '../domain/relationship-event.upcaster';
import type { FactEvent } from '../domain/relationship.events';

// The FACT of the API (DESIGN §7): one JSON object per fact event, its schema keys at top level,
// with its actor and recipient, CAMEO code, Goldstein weight and PLOVER type and mode. A fact that confirms a known
// one keeps the kind it confirms as `type` and names it in `corroborates`.
export type FactView = Record<string, unknown> & {
  readonly id: string;
  readonly type: string;
  readonly dyad: string;
  readonly occurredAt: string;
};

export interface FactRecord {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly recordedAt: Date;
}

export function toFactView(stored: StoredEvent): FactView {
  return factView(stored);
}

export function factViewOfRow(row: {
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}): FactView {
  return factView({ eventId: row.event_id, type: row.event_type, data: row.data, metadata: row.metadata, recordedAt: row.recorded_at });
}

export function factView(record: FactRecord): FactView {
  const event = upcastRelationshipEvent(record) as FactEvent;
  const { type, corroborates, keys } = describe(event);
  const metadata = event.metadata;
  return {
    id: record.eventId,
    type,
    event: event.type,
    dyad: event.data.dyad,
    occurredAt: metadata.occurredAt,
    occurredAtSource: metadata.occurredAtSource,
    ...keys,
    evidence: metadata.evidence,
    confidence: metadata.confidence,
    ...codeFactEvent(event),
    articleId: metadata.articleId,
    extractor: metadata.extractor,
    recordedAt: new Date(record.recordedAt).toISOString(),
    ...(corroborates ? { corroborates } : {}),
  };
}

function describe(event: FactEvent): { type: string; corroborates?: string; keys: Record<string, unknown> } {
  switch (event.type) {
    case 'MeetingCorroborated': {
      const { factId: _factId, dyad: _dyad, meetingId: _meetingId, corroborates, ...keys } = event.data;
      return { type: 'MeetingHeld', corroborates, keys };
    }
    case 'FactCorroborated': {
      const { factId: _factId, dyad: _dyad, factType, corroborates, ...keys } = event.data;
      return { type: factType, corroborates, keys };
    }
    case 'MeetingHeld':
    case 'DelegationListed':
    case 'CommitmentMade':
    case 'CommitmentStatusChanged':
    case 'TensionReported':
    case 'TensionEased': {
      const { factId: _factId, dyad: _dyad, ...keys } = event.data;
      return { type: event.type, keys };
    }
    default: {
      const unexpected: never = event;
      throw new Error(`Not a fact event: ${(unexpected as FactEvent).type}`);
    }
  }
}
