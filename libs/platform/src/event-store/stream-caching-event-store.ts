import { LRUCache } from 'lru-cache';
import type { EventStore, StoredEvent } from './event-store.port';

export interface StreamCacheOptions {
  // Events kept across all streams, the least recently read stream evicted first; 0: no cache.
  readonly maxEvents: number;
}

interface StreamRead {
  version: number;
  events: StoredEvent[];
}

// An immutable snapshot: a read that took it stays correct whatever replaces it meanwhile.
interface CachedStream {
  readonly version: number;
  readonly events: readonly StoredEvent[];
}

// Streams are append-only and events immutable, so a process keeps the events it has read and
// asks the store only for what came after. Only whole-stream reads (the command-handling read)
// use the cache; a read from a version or at a knowledge time goes to the store as it is.
export function streamCachingEventStore(store: EventStore, options: StreamCacheOptions): EventStore {
  if (options.maxEvents <= 0) return store;
  const cache = new StreamCache(store, options.maxEvents);
  return {
    appendToStreams: (appends, within) => store.appendToStreams(appends, within),
    readStream: (streamId, readOptions) =>
      readOptions?.fromVersion === undefined && readOptions?.knownAt === undefined
        ? cache.read(streamId)
        : store.readStream(streamId, readOptions),
    readAll: (readOptions) => store.readAll(readOptions),
    subscribe: (after, handle, subscribeOptions) => store.subscribe(after, handle, subscribeOptions),
  };
}

class StreamCache {
  private readonly streams: LRUCache<string, CachedStream>;

  constructor(
    private readonly store: EventStore,
    maxEvents: number,
  ) {
    // A stream longer than the whole bound is not kept (and what was kept of it is dropped).
    this.streams = new LRUCache({ maxSize: maxEvents, sizeCalculation: (stream) => stream.events.length });
  }

  async read(streamId: string): Promise<StreamRead> {
    const cached = this.streams.get(streamId);
    if (cached) {
      // From the last cached event, inclusive: the answer is never empty, so the store needs no
      // second query for the version, and that event shows the cached prefix is still this
      // stream's (a database recreated under a running process is read again whole).
      const tail = await this.store.readStream(streamId, { fromVersion: cached.version });
      if (continues(cached, tail.events)) return this.remember(streamId, cached.events, tail.events.slice(1));
      this.streams.delete(streamId);
    }
    return this.remember(streamId, [], (await this.store.readStream(streamId)).events);
  }

  private remember(streamId: string, known: readonly StoredEvent[], added: StoredEvent[]): StreamRead {
    added.forEach(deepFreeze);
    const events = added.length === 0 ? known : known.concat(added);
    const version = events.length;
    // A stream of one event costs as much to read again as to check against the cache.
    const current = this.streams.peek(streamId);
    if (version > 1 && version > (current?.version ?? 0)) this.streams.set(streamId, { version, events });
    // A copy: callers may change the array they get, never the cached one.
    return { version, events: events.slice() };
  }
}

// The store's positions within a stream are gap-free from 1: the tail must start at the last
// cached event, with its id, and go on one position at a time.
function continues(cached: CachedStream, tail: readonly StoredEvent[]): boolean {
  if (tail.length === 0 || tail[0].eventId !== cached.events[cached.version - 1].eventId) return false;
  return tail.every((event, index) => event.streamPosition === cached.version + index);
}

// Cached events are shared by every later read: freezing turns a caller's accidental change
// into an error instead of a corruption of every decision that follows.
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  Object.values(value).forEach(deepFreeze);
}
