import { DATABASE, DYAD_CONFIG, type Database, type DyadConfig } from '@dyad/platform';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { RelationshipHistory } from '../../../domain/relationship-history';
import type { DyadId } from '../../../domain/dyad-id';
import { KeptUntilChanged, LONGEST_KEPT_MS } from './kept-until-changed';
import { loadRelationshipEventsAfter, type RowPosition } from './relationship-rows';

// Each dyad's history (what past views are answered from) kept in memory, brought up to date
// when the dyad changes, within DYAD_HISTORY_CACHE_EVENTS events.
@Injectable()
export class RelationshipHistoryCache implements OnModuleDestroy {
  private readonly histories: KeptUntilChanged<HistoryRead>;

  constructor(@Inject(DATABASE) database: Database, @Inject(DYAD_CONFIG) config: DyadConfig) {
    this.histories = new KeptUntilChanged<HistoryRead>(database, (dyad) => readHistory(database, dyad), {
      maxSize: config.DYAD_HISTORY_CACHE_EVENTS,
      sizeOf: ({ history }) => history.size,
      keptFor: () => LONGEST_KEPT_MS,
      // A history's answers do not depend on when they are asked: after a change, or its time,
      // only the rows written since are read, and the items they leave alone keep their views.
      update: (dyad, kept) => updateHistory(database, dyad, kept),
    });
  }

  // Null when nothing is known about the dyad.
  async history(dyad: DyadId, { fromDatabase = false, now = new Date() } = {}): Promise<RelationshipHistory | null> {
    return (await this.histories.get(dyad, now, { fromDatabase }))?.history ?? null;
  }

  onModuleDestroy(): Promise<void> {
    return this.histories.close();
  }
}

interface HistoryRead {
  readonly history: RelationshipHistory;
  readonly last: RowPosition | null; // the last row read
}

async function readHistory(database: Database, dyad: string): Promise<HistoryRead | null> {
  const { events, last } = await loadRelationshipEventsAfter(database, dyad, null);
  return events.length === 0 ? null : { history: new RelationshipHistory(dyad, events), last };
}

async function updateHistory(database: Database, dyad: string, kept: HistoryRead): Promise<HistoryRead> {
  const { events, last } = await loadRelationshipEventsAfter(database, dyad, kept.last);
  return events.length === 0 ? kept : { history: kept.history.extendedWith(events), last };
}
