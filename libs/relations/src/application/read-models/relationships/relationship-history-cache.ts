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
  private readonly histories: KeptUntilChanged<VersionedHistory>;

  constructor(@Inject(DATABASE) database: Database, @Inject(DYAD_CONFIG) config: DyadConfig) {
    this.histories = new KeptUntilChanged<VersionedHistory>(database, (dyad) => readHistory(database, dyad), {
      maxSize: config.DYAD_HISTORY_CACHE_EVENTS,
      sizeOf: ({ history }) => history.size,
      keptFor: () => LONGEST_KEPT_MS,
      // A history's answers do not depend on when they are asked: one that has not changed is
      // kept, at the cost of one row read, not of reading and building it again.
      stillCurrent: async (dyad, { version }) => (await readVersion(database, dyad)) === version,
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

// The version the projection gives the dyad's row for each batch that changes it.
interface VersionedHistory {
  readonly history: RelationshipHistory;
  readonly version: string | null;
}

// The version is read first: a change landing in between gives a history newer than its version,
// read again at the next check rather than kept when stale.
async function readHistory(database: Database, dyad: string): Promise<VersionedHistory | null> {
  const version = await readVersion(database, dyad);
  const events = await loadRelationshipEvents(database, dyad);
  return events.length === 0 ? null : { history: new RelationshipHistory(dyad, events), version };
}

async function readVersion(database: Database, dyad: string): Promise<string | null> {
  const { rows } = await database.query<{ version: string }>('select version::text as version from relationships where dyad = $1', [dyad]);
  return rows[0]?.version ?? null;
}
