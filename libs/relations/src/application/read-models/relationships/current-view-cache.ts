import { DATABASE, DYAD_CONFIG, type Database, type DyadConfig } from '@dyad/platform';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { currentViewJson } from './current-view';
import { KeptUntilChanged, LONGEST_KEPT_MS } from './kept-until-changed';

const DAY_MS = 86_400_000;

// Current views (JSON text) kept in memory until their dyad changes, within
// DYAD_VIEW_CACHE_MB.
@Injectable()
export class CurrentViewCache implements OnModuleDestroy {
  private readonly views: KeptUntilChanged<string>;

  constructor(@Inject(DATABASE) database: Database, @Inject(DYAD_CONFIG) config: DyadConfig) {
    this.views = new KeptUntilChanged(database, (dyad, now) => currentViewJson(database, dyad, now), {
      maxSize: config.DYAD_VIEW_CACHE_MB * 1024 * 1024,
      sizeOf: (json) => json.length,
      keptFor,
    });
  }

  // The dyad's view now as JSON text; null when nothing is known about it.
  viewJson(dyad: string, now: Date, options: { fromDatabase?: boolean } = {}): Promise<string | null> {
    return this.views.get(dyad, now, options);
  }

  onModuleDestroy(): Promise<void> {
    return this.views.close();
  }
}

// A view folded today stays true until a later-dated fact comes due, at the earliest tomorrow.
function keptFor(now: Date): number {
  const untilTomorrow = DAY_MS - (now.getTime() % DAY_MS);
  return Math.max(1, Math.min(LONGEST_KEPT_MS, untilTomorrow));
}
