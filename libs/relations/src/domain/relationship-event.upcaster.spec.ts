import { upcastRelationshipEvent } from './relationship-event.upcaster';
import { RelationsError } from './relations.errors';

describe('relationship event upcasting', () => {
  const retraction = { type: 'FactRetracted', data: { factId: 'f-1', reason: 'wrong' } };

  it('should read an event without a schema version as version 1', () => {
    expect(upcastRelationshipEvent({ ...retraction, metadata: { recordedAt: '2026-01-01T00:00:00Z' } }).metadata).toEqual({
      recordedAt: '2026-01-01T00:00:00Z',
      schemaVersion: 1,
    });
  });

  it('should refuse an event written by a newer schema or of an unknown type', () => {
    expect(() => upcastRelationshipEvent({ ...retraction, metadata: { schemaVersion: 2 } })).toThrow(RelationsError);
    expect(() => upcastRelationshipEvent({ type: 'Nonsense', data: {}, metadata: {} })).toThrow(RelationsError);
  });
});
