import type { Batch } from './workload';

// One event store under test: it appends batches (called by several writers at once) and
// reads the whole log back in its own order.
export interface Contender {
  append(batch: Batch): Promise<void>;
  // Returns how many events it read.
  readAll(): Promise<number>;
  close(): Promise<void>;
}

export interface ContenderFactory {
  readonly name: 'dyad' | 'emmett' | 'raw';
  readonly description: string;
  open(url: string): Promise<Contender>;
}
