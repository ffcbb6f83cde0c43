import { DATABASE, DYAD_CONFIG, EVERY_KEY, type Database, type DyadConfig } from '@dyad/platform';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { currentViewJson, VIEW_CHANGES_CHANNEL } from './current-view';

// A worker that dies between its commit and its NOTIFY never announces that change (a listening
// connection that drops is told of changes it missed: EVERY_KEY): no view is served from memory
// longer than this without being read again.
const LONGEST_KEPT_MS = 60_000;
const DAY_MS = 86_400_000;

// Current views kept in memory, so that reading one "now" costs no round trip to the database.
// The projection names the dyads that each committed batch changed (a NOTIFY after the commit);
// their views are dropped and read again when next asked for. A view whose dyad changed while
// it was being read is served to those who asked but not kept. A reader that waits for a
// position (`?minPosition=`) always reads the database: the NOTIFY may still be on its way.
@Injectable()
export class CurrentViewCache implements OnModuleDestroy {
  private readonly views: LRUCache<string, string> | null;
  private readonly reading = new Map<string, Promise<string | null>>();
  private listening: Promise<(() => Promise<void>) | null> | null = null;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(DYAD_CONFIG) config: DyadConfig,
  ) {
    const maxSize = config.DYAD_VIEW_CACHE_MB * 1024 * 1024;
    this.views = maxSize > 0 ? new LRUCache<string, string>({ maxSize, ttl: LONGEST_KEPT_MS, sizeCalculation: (json) => Math.max(json.length, 1) }) : null;
  }

  // The dyad's view now as JSON text; null when nothing is known about it.
  async viewJson(dyad: string, now: Date, { fromDatabase = false } = {}): Promise<string | null> {
    if (!this.views || !(await this.listen())) return currentViewJson(this.database, dyad, now);
    if (fromDatabase) return this.read(dyad, now);
    return this.views.get(dyad) ?? this.reading.get(dyad) ?? this.read(dyad, now);
  }

  async onModuleDestroy(): Promise<void> {
    const stop = await this.listening;
    this.listening = null;
    await stop?.();
  }

  private read(dyad: string, now: Date): Promise<string | null> {
    const forget = () => {
      if (this.reading.get(dyad) === reading) this.reading.delete(dyad);
    };
    const reading: Promise<string | null> = currentViewJson(this.database, dyad, now).then(
      (json) => {
        if (json !== null && this.reading.get(dyad) === reading) this.views?.set(dyad, json, { ttl: keptFor(now) });
        forget();
        return json;
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
    if (payload === EVERY_KEY) {
      this.views?.clear();
      this.reading.clear();
      return;
    }
    for (const dyad of payload.split(',')) {
      this.views?.delete(dyad);
      this.reading.delete(dyad);
    }
  }

  // Listening starts with the first read; until it has, or if it cannot, views are not kept.
  private async listen(): Promise<boolean> {
    this.listening ??= this.database.listen(VIEW_CHANGES_CHANNEL, (payload) => this.onChange(payload)).catch(() => {
      this.listening = null;
      return null;
    });
    return (await this.listening) !== null;
  }
}

// A view folded today stays true until a later-dated fact comes due, at the earliest tomorrow.
function keptFor(now: Date): number {
  const untilTomorrow = DAY_MS - (now.getTime() % DAY_MS);
  return Math.max(1, Math.min(LONGEST_KEPT_MS, untilTomorrow));
}
