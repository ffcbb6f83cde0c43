import { type Database, type EventStore, rebuildReadModel, type StreamAppend } from '@dyad/platform';
import { RelationshipsProjection } from '../../libs/relations/src/application/read-models/relationships/relationships.projection';
import { secondsSince } from '../support/figures';
import { SeedStories } from './seed-events';

// Rounds merged into one append: each stream's events of several rounds go in one StreamAppend.
const ROUNDS_PER_APPEND = 4;

export interface SeedFigures {
  readonly events: number;
  readonly appendSeconds: number;
  readonly rebuildSeconds: number;
  readonly rebuildPerSecond: number;
  readonly lastDay: Date;
}

// Appends about `target` relationship events (whole rounds) through the event store, then
// rebuilds the relationships read model from the log, timed on its own.
export async function seedDatabase(database: Database, store: EventStore, dyads: readonly string[], target: number, log: (line: string) => void): Promise<SeedFigures> {
  const stories = new SeedStories(dyads);
  let events = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  const appendStarted = process.hrtime.bigint();
  let reported = 0;
  while (events < target) {
    // The next batch is decided while the previous one is being written.
    const batch = mergeRounds(Array.from({ length: ROUNDS_PER_APPEND }, () => stories.nextRound()));
    events += batch.reduce((sum, append) => sum + append.events.length, 0);
    await inFlight;
    inFlight = store.appendToStreams(batch);
    if (events - reported >= 100_000) {
      reported = events;
      log(`  appended ${events.toLocaleString('en')} events (${secondsSince(appendStarted).toFixed(0)} s)`);
    }
  }
  await inFlight;
  const appendSeconds = secondsSince(appendStarted);
  await database.query('analyze');
  const rebuildStarted = process.hrtime.bigint();
  let nextReport = 100_000;
  const { applied } = await rebuildReadModel(database, store, new RelationshipsProjection(database), (progress) => {
    if (progress.applied < nextReport) return;
    nextReport += 100_000;
    log(`  rebuilt ${progress.applied.toLocaleString('en')} events (${secondsSince(rebuildStarted).toFixed(0)} s)`);
  });
  const rebuildSeconds = secondsSince(rebuildStarted);
  await database.query('analyze');
  return { events: applied, appendSeconds, rebuildSeconds, rebuildPerSecond: Math.round(applied / rebuildSeconds), lastDay: stories.lastDay() };
}

function mergeRounds(rounds: ReadonlyArray<readonly StreamAppend[]>): StreamAppend[] {
  return rounds[0].map((first, index) => ({
    ...first,
    events: rounds.flatMap((round) => round[index].events),
  }));
}
