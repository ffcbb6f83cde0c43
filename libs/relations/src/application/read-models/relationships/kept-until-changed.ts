import { EVERY_KEY, type Database } from '@dyad/platform';
import { LRUCache } from 'lru-cache';
import { VIEW_CHANGES_CHANNEL } from './current-view';

// A worker that dies between its commit and its NOTIFY never announces that change (a listening
// connection that drops is told of changes it missed: EVERY_KEY): nothing is kept longer than
// this without being read, or checked, again.
export const LONGEST_KEPT_MS = 60_000;

export interface KeptUntilChangedOptions<Value> {
  readonly maxSize: number; // 0: nothing is kept
  readonly sizeOf: (value: Value) => number;
  readonly keptFor: (now: Date) => number; // at most LONGEST_KEPT_MS
  // A kept value brought up to date with what changed since it was read, when that costs far
  // less than reading it again: it is then kept through changes, marked for an update.
  readonly update?: (dyad: string, kept: Value) => Promise<Value | null>;
}

interface Kept<Value> {
  readonly value: Value;
  freshUntil: number;
}

// What an API process keeps in memory of each dyad, so that answering costs no round trip to the
// database. The projection names the dyads that each committed batch changed (a NOTIFY after the
// commit); what was kept of them is dropped and read again when next asked for, or updated when
// it can be. A value whose dyad changed while it was being read is given to those who asked but
// not kept. A reader that waits for a position (`?minPosition=`) always reads the database (at
// least what was written since): the NOTIFY may still be on its way.
export class KeptUntilChanged<Value extends object | string> {
  private readonly kept: LRUCache<string, Kept<Value>> | null;
  private readonly reading = new Map<string, Promise<Value | null>>();
  private listening: Promise<(() => Promise<void>) | null> | null = null;

  constructor(
    private readonly database: Database,
    private readonly read: (dyad: string, now: Date) => Promise<Value | null>,
    private readonly options: KeptUntilChangedOptions<Value>,
  ) {
    this.kept =
      options.maxSize > 0
        ? new LRUCache<string, Kept<Value>>({ maxSize: options.maxSize, sizeCalculation: ({ value }) => Math.max(options.sizeOf(value), 1) })
        : null;
  }

  // Null when nothing is known about the dyad.
  async get(dyad: string, now: Date, { fromDatabase = false } = {}): Promise<Value | null> {
    if (!this.kept || !(await this.listen())) return this.read(dyad, now);
    const kept = this.kept.get(dyad);
    if (!fromDatabase) {
      if (kept && now.getTime() < kept.freshUntil) return kept.value;
      const reading = this.reading.get(dyad);
      if (reading) return reading;
    }
    const { update } = this.options;
    return this.readAndKeep(dyad, now, kept && update ? () => update(dyad, kept.value) : () => this.read(dyad, now));
  }

  async close(): Promise<void> {
    const stop = await this.listening;
    this.listening = null;
    await stop?.();
  }

  private readAndKeep(dyad: string, now: Date, read: () => Promise<Value | null>): Promise<Value | null> {
    const forget = () => {
      if (this.reading.get(dyad) === reading) this.reading.delete(dyad);
    };
    const reading: Promise<Value | null> = read().then(
      (value) => {
        if (value !== null && this.reading.get(dyad) === reading) this.kept?.set(dyad, { value, freshUntil: now.getTime() + this.options.keptFor(now) });
        forget();
        return value;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    this.reading.set(dyad, reading);
    return reading;
  }

  private onChange(payload: string): void {
    const dyads = payload === EVERY_KEY ? [...this.reading.keys(), ...(this.kept?.keys() ?? [])] : payload.split(',');
    for (const dyad of dyads) {
      this.reading.delete(dyad);
      const kept = this.kept?.peek(dyad);
      if (kept && this.options.update) kept.freshUntil = 0;
      else this.kept?.delete(dyad);
    }
  }

  // Listening starts with the first read; until it has, or if it cannot, nothing is kept.
  private async listen(): Promise<boolean> {
    this.listening ??= this.database.listen(VIEW_CHANGES_CHANNEL, (payload) => this.onChange(payload)).catch(() => {
      this.listening = null;
      return null;
    });
    return (await this.listening) !== null;
  }
}
