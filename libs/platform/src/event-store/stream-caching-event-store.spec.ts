import type { EventStore, ReadStreamOptions, StoredEvent } from './event-store.port';
import { streamCachingEventStore } from './stream-caching-event-store';

// A store in memory that records each read it answers and can hold reads back until released.
function memoryStore() {
  const streams = new Map<string, StoredEvent[]>();
  const reads: Array<{ streamId: string; options?: ReadStreamOptions }> = [];
  const held: Array<() => void> = [];
  let holding = false;
  let nextGlobal = 1n;

  const append = (streamId: string, count = 1, eventIdOf = (position: number) => `${streamId}-${position}`) => {
    const events = streams.get(streamId) ?? [];
    for (let index = 0; index < count; index += 1) {
      const streamPosition = events.length + 1;
      events.push({
        eventId: eventIdOf(streamPosition),
        streamId,
        streamPosition,
        globalPosition: nextGlobal,
        transactionId: nextGlobal,
        type: 'Tested',
        data: { streamPosition, nested: { list: [streamPosition] } },
        metadata: {},
        recordedAt: new Date(0),
        validAt: new Date(0),
      });
      nextGlobal += 1n;
    }
    streams.set(streamId, events);
  };

  const store: EventStore = {
    appendToStreams: () => Promise.reject(new Error('not used')),
    readStream: async (streamId, options) => {
      reads.push({ streamId, options });
      // The answer is taken when the read is made, as a database would; only its delivery waits.
      const from = options?.fromVersion ?? 1;
      const events = (streams.get(streamId) ?? []).filter((event) => event.streamPosition >= from).map((event) => ({ ...event }));
      const version = streams.get(streamId)?.length ?? 0;
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return { version, events };
    },
    readAll: () => Promise.resolve([]),
    subscribe: () => ({ stop: () => Promise.resolve() }),
  };

  return {
    store,
    streams,
    reads,
    append,
    reset: (streamId: string) => streams.delete(streamId),
    hold: () => void (holding = true),
    release: (order: 'in order' | 'reversed') => {
      holding = false;
      (order === 'reversed' ? held.reverse() : held).splice(0).forEach((resolve) => resolve());
    },
  };
}

const positionsOf = (read: { events: readonly StoredEvent[] }) => read.events.map((event) => event.streamPosition);

describe('streamCachingEventStore', () => {
  it('should read only from the last cached event when the stream was read before', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 100 });
    memory.append('s', 3);
    await cached.readStream('s');
    memory.append('s', 2);
    const read = await cached.readStream('s');
    expect(memory.reads.map((entry) => entry.options)).toEqual([undefined, { fromVersion: 3 }]);
    expect(read.version).toBe(5);
    expect(positionsOf(read)).toEqual([1, 2, 3, 4, 5]);
  });

  it('should answer like a fresh read of the whole stream when another writer appends between reads', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 100 });
    for (const count of [2, 0, 1, 5, 0, 3]) {
      memory.append('s', count);
      const read = await cached.readStream('s');
      const fresh = await memory.store.readStream('s');
      expect(read).toEqual(fresh);
    }
  });

  it('should pass a read from a version or at a knowledge time to the store as it is', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 100 });
    memory.append('s', 3);
    await cached.readStream('s');
    await cached.readStream('s', { fromVersion: 2 });
    await cached.readStream('s', { knownAt: new Date(0) });
    expect(memory.reads.map((entry) => entry.options)).toEqual([undefined, { fromVersion: 2 }, { knownAt: new Date(0) }]);
  });

  it('should return the store itself when the bound is 0', () => {
    const memory = memoryStore();
    expect(streamCachingEventStore(memory.store, { maxEvents: 0 })).toBe(memory.store);
  });

  it('should evict the least recently read stream when the bound on events is reached', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 6 });
    memory.append('a', 3);
    memory.append('b', 3);
    memory.append('c', 3);
    await cached.readStream('a');
    await cached.readStream('b');
    await cached.readStream('a');
    await cached.readStream('c');
    memory.reads.splice(0);
    await cached.readStream('a');
    await cached.readStream('b');
    expect(memory.reads).toEqual([
      { streamId: 'a', options: { fromVersion: 3 } },
      { streamId: 'b', options: undefined },
    ]);
  });

  it('should not keep a stream when it alone is longer than the bound', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 4 });
    memory.append('s', 3);
    await cached.readStream('s');
    memory.append('s', 2);
    await cached.readStream('s');
    await cached.readStream('s');
    expect(memory.reads.map((entry) => entry.options)).toEqual([undefined, { fromVersion: 3 }, undefined]);
  });

  it('should not keep a stream of one event when reading it again costs the same', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 100 });
    memory.append('s', 1);
    await cached.readStream('s');
    await cached.readStream('s');
    expect(memory.reads.map((entry) => entry.options)).toEqual([undefined, undefined]);
  });

  it('should read the stream whole again when its last cached event is no longer in the store', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 100 });
    memory.append('s', 3);
    await cached.readStream('s');
    memory.reset('s');
    memory.append('s', 4, (position) => `recreated-${position}`);
    const read = await cached.readStream('s');
    expect(read.events.map((event) => event.eventId)).toEqual(['recreated-1', 'recreated-2', 'recreated-3', 'recreated-4']);
    expect(memory.reads.map((entry) => entry.options)).toEqual([undefined, { fromVersion: 3 }, undefined]);
  });

  it('should give each concurrent reader a whole prefix and keep the longest when their reads finish out of order', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 100 });
    memory.append('s', 2);
    await cached.readStream('s');
    memory.hold();
    const first = cached.readStream('s');
    memory.append('s', 2);
    const second = cached.readStream('s');
    memory.append('s', 1);
    const third = cached.readStream('s');
    memory.release('reversed');
    const reads = await Promise.all([first, second, third]);
    expect(reads.map((read) => [read.version, positionsOf(read)])).toEqual([
      [2, [1, 2]],
      [4, [1, 2, 3, 4]],
      [5, [1, 2, 3, 4, 5]],
    ]);
    memory.reads.splice(0);
    expect(positionsOf(await cached.readStream('s'))).toEqual([1, 2, 3, 4, 5]);
    expect(memory.reads.map((entry) => entry.options)).toEqual([{ fromVersion: 5 }]);
  });

  it('should keep the cache intact when a caller changes what it was given', async () => {
    const memory = memoryStore();
    const cached = streamCachingEventStore(memory.store, { maxEvents: 100 });
    memory.append('s', 2);
    const read = await cached.readStream('s');
    read.events.pop();
    expect(() => ((read.events[0].data as { nested: { list: number[] } }).nested.list[0] = 9)).toThrow(TypeError);
    expect(positionsOf(await cached.readStream('s'))).toEqual([1, 2]);
  });
});
