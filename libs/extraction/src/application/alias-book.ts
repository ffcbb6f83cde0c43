import { EVENT_STORE, type EventStore } from '@dyad/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { AliasTable } from '../domain/actors/alias-table';
import { ALIAS_STREAM, type ActorAliasAdded } from '../domain/actors/alias.events';
import { ALIAS_TABLE } from './alias-table.token';

// Keeps this process's alias table level with the aliases in the log. A sync reads only the
// events after the last one applied, so it is cheap enough to run before every extraction; any
// number of API processes see an alias as soon as it is appended.
@Injectable()
export class AliasBook {
  private version = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ALIAS_TABLE) private readonly table: AliasTable,
  ) {}

  async sync(): Promise<void> {
    const { events } = await this.store.readStream(ALIAS_STREAM, { fromVersion: this.version + 1 });
    for (const event of events) {
      if (event.streamPosition <= this.version) continue;
      const { canonical, aliases, country } = (event as unknown as ActorAliasAdded).data;
      this.table.add({ canonical, aliases, country });
      this.version = event.streamPosition;
    }
  }
}
