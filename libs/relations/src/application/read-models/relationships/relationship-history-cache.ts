import { DATABASE, DYAD_CONFIG, type Database, type DyadConfig } from '@dyad/platform';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { RelationshipHistory } from '../../../domain/relationship-history';
import type { DyadId } from '../../../domain/dyad-id';
import { KeptUntilChanged, LONGEST_KEPT_MS } from './kept-until-changed';
import { loadRelationshipEvents } from './relationship-rows';

// Each dyad's history (what past views are answered from) kept in memory until the dyad
// changes, within DYAD_HISTORY_CACHE_EVENTS events.
@Injectable()
export class RelationshipHistoryCache implements OnModuleDestroy {
  private readonly histories: KeptUntilChanged<RelationshipHistory>;

  constructor(@Inject(DATABASE) database: Database, @Inject(DYAD_CONFIG) config: DyadConfig) {
    this.histories = new KeptUntilChanged(database, (dyad) => readHistory(database, dyad), {
      maxSize: config.DYAD_HISTORY_CACHE_EVENTS,
      sizeOf: (history) => history.size,
      keptFor: () => LONGEST_KEPT_MS,
    });
  }

  // Null when nothing is known about the dyad.
  history(dyad: DyadId, options: { fromDatabase?: boolean } = {}): Promise<RelationshipHistory | null> {
    return this.histories.get(dyad, new Date(), options);
  }

  onModuleDestroy(): Promise<void> {
    return this.histories.close();
  }
}

async function readHistory(database: Database, dyad: DyadId): Promise<RelationshipHistory | null> {
  const events = await loadRelationshipEvents(database, dyad);
  return events.length === 0 ? null : new RelationshipHistory(dyad, events);
}
