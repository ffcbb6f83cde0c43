import type { StoredEvent } from '../event-store/event-store.port';
import { eventMessage, parseStoredEvent, serialiseStoredEvent, TOPICS } from './topics';

const anEvent = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  eventId: '7f1c2a9e-0b6d-4c53-9a52-1d1f2b3c4d5e',
  streamId: 'relationship-RU-SY',
  streamPosition: 3,
  globalPosition: 9_007_199_254_740_993n,
  transactionId: 18_446_744_073_709_551_000n,
  type: 'MeetingHeld',
  data: { location: 'Moscou', participants: ['RU', 'SY'] },
  metadata: { schemaVersion: 1, articleId: 'a-1' },
  recordedAt: new Date('2026-01-15T10:00:00.123Z'),
  validAt: new Date('2026-01-14T00:00:00.000Z'),
  ...overrides,
});

describe('StoredEvent on the wire', () => {
  it('should give back the same event when positions are beyond the safe integer range', () => {
    const event = anEvent();

    expect(parseStoredEvent(serialiseStoredEvent(event))).toEqual(event);
  });

  it('should key an event message by its stream id on the events topic', () => {
    const message = eventMessage(anEvent({ streamId: 'article-42' }));

    expect(message).toMatchObject({ topic: TOPICS.events, key: 'article-42' });
    expect(parseStoredEvent(message.value).streamId).toBe('article-42');
  });

  it('should reject a value when it is not a serialised event', () => {
    expect(() => parseStoredEvent(JSON.stringify({ eventId: 'x', globalPosition: 1 }))).toThrow();
  });
});
