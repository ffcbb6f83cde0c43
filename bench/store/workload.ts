import { randomUUID } from 'node:crypto';

// The workload of issue 2's figures: 100,000 events of about 1 KB of JSON, 1,000 streams, batches
// of 10 events to one stream with the expected version checked, a few writers at once.
export const STREAMS = 1_000;
export const EVENTS_PER_STREAM = 100;
export const BATCH_SIZE = 10;
export const WRITERS = 4;
export const TOTAL_EVENTS = STREAMS * EVENTS_PER_STREAM;
// A round appends one batch to every stream.
export const ROUNDS = EVENTS_PER_STREAM / BATCH_SIZE;

// No event id: each store assigns its own, as it does for a caller that does not choose one.
export interface BenchEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface Batch {
  readonly streamId: string;
  // Events already in the stream: the version the append expects.
  readonly expectedVersion: number;
  readonly events: readonly BenchEvent[];
}

const filler = 'La délégation syrienne a rencontré les représentants russes à Moscou pour discuter des accords énergétiques. ';

function event(stream: number, position: number): BenchEvent {
  const articleId = randomUUID();
  return {
    type: 'CommitmentMade',
    data: {
      dyad: 'RU-SY',
      promisor: 'RU',
      beneficiary: 'SY',
      category: 'energy',
      summary: `${filler.repeat(6)}(${stream}/${position})`,
      participants: ['RU', 'SY'],
    },
    metadata: {
      schemaVersion: 1,
      articleId,
      extractor: { name: 'rules', version: '1.0.0' },
      confidence: 0.87,
      occurredAt: '2024-03-01T00:00:00.000Z',
      evidence: { sentence: 3, start: 120, end: 260, quote: filler.slice(0, 80) },
    },
  };
}

// Each writer owns the streams whose number modulo WRITERS is its own, and appends to them in
// rounds: no writer ever expects a version another one moved.
export function writerQueues(): Batch[][] {
  const queues: Batch[][] = Array.from({ length: WRITERS }, () => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let stream = 0; stream < STREAMS; stream += 1) {
      const first = round * BATCH_SIZE;
      queues[stream % WRITERS].push({
        streamId: `relationship-${stream}`,
        expectedVersion: first,
        events: Array.from({ length: BATCH_SIZE }, (_, index) => event(stream, first + index + 1)),
      });
    }
  }
  return queues;
}

export function approximateEventBytes(sample: BenchEvent): number {
  return Buffer.byteLength(JSON.stringify(sample.data)) + Buffer.byteLength(JSON.stringify(sample.metadata));
}
