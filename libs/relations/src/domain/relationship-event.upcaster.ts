import {
  RELATIONSHIP_EVENT_TYPES,
  RELATIONSHIP_SCHEMA_VERSION,
  type RelationshipEvent,
  type RelationshipEventType,
} from './relationship.events';
import { RelationsError } from './relations.errors';

// An event as read from the log, of any schema version.
export interface StoredRelationshipEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly schemaVersion?: number; readonly [key: string]: unknown };
}

// One step from version n to n + 1 of one event type. When a schema changes, bump
// RELATIONSHIP_SCHEMA_VERSION and register here the step that rewrites the old shape, e.g.
// `MeetingHeld: { 1: (event) => ({ ...event, data: { ...event.data, venue: … } }) }`.
type UpcastStep = (event: StoredRelationshipEvent) => StoredRelationshipEvent;
const UPCAST_STEPS: Partial<Record<RelationshipEventType, Record<number, UpcastStep>>> = {};

export function upcastRelationshipEvent(stored: StoredRelationshipEvent): RelationshipEvent {
  if (!RELATIONSHIP_EVENT_TYPES.includes(stored.type as RelationshipEventType)) {
    throw new RelationsError('RELATIONS.UNSUPPORTED_EVENT', `Unknown relationship event type ${stored.type}`, {
      type: stored.type,
    });
  }
  // Events written before versioning carried no schemaVersion: they are version 1.
  let version = stored.metadata.schemaVersion ?? 1;
  // Already current, as nearly every event is: no copy (a decision reads a dyad's whole stream).
  if (stored.metadata.schemaVersion === RELATIONSHIP_SCHEMA_VERSION) return stored as unknown as RelationshipEvent;
  if (version > RELATIONSHIP_SCHEMA_VERSION) {
    throw new RelationsError(
      'RELATIONS.UNSUPPORTED_EVENT',
      `${stored.type} has schema version ${version}; this build reads up to ${RELATIONSHIP_SCHEMA_VERSION}`,
      { type: stored.type, schemaVersion: version },
    );
  }
  let event = stored;
  while (version < RELATIONSHIP_SCHEMA_VERSION) {
    const step = UPCAST_STEPS[stored.type as RelationshipEventType]?.[version];
    event = step ? step(event) : event;
    version += 1;
  }
  return { ...event, metadata: { ...event.metadata, schemaVersion: version } } as unknown as RelationshipEvent;
}
