import { DATABASE, EVENT_STORE, findReadModels, rebuildReadModel, type Database, type EventStore } from '@dyad/platform';
import { DiscoveryService } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { startRuntime } from '../runtime';

export class UnknownReadModelError extends Error {
  readonly code = 'CLI.UNKNOWN_READ_MODEL';
}

// Drops and replays read models from the log. Safe while workers run (see rebuildReadModel).
export async function rebuild(name: string | undefined): Promise<number> {
  const { app } = await startRuntime({ with: 'read-models' });
  try {
    const database = app.get<Database>(DATABASE);
    const store = app.get<EventStore>(EVENT_STORE);
    const readModels = findReadModels(app.get(DiscoveryService));
    const chosen = name ? readModels.filter((readModel) => readModel.name === name) : readModels;
    if (chosen.length === 0) {
      throw new UnknownReadModelError(`No read model '${name}'; there are: ${readModels.map((r) => r.name).join(', ')}`);
    }
    const { rows } = await database.query<{ total: string }>('select count(*)::text as total from events');
    const total = Number(rows[0].total);
    for (const readModel of chosen) {
      const bar = new SingleBar({ format: `${readModel.name} [{bar}] {value}/{total} events`, stream: process.stderr });
      bar.start(total, 0);
      const started = performance.now();
      const { applied } = await rebuildReadModel(database, store, readModel, (progress) => bar.update(progress.applied));
      bar.stop();
      const seconds = (performance.now() - started) / 1000;
      console.log(`${readModel.name}: ${applied} events in ${seconds.toFixed(1)} s (${Math.round(applied / seconds)} events/s)`);
      if (readModel.warm) {
        const warmStarted = performance.now();
        await readModel.warm(database);
        console.log(`${readModel.name}: warmed in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
      }
    }
    return 0;
  } finally {
    await app.close();
  }
}
