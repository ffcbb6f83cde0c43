import fc from 'fast-check';
import { addDays } from './calendar-day';
import { ingest, recordedAtOf } from '../testing/corpus-replay';
import { randomArticles } from '../testing/random-articles';
import { RelationshipHistory } from './relationship-history';
import { stateAt } from './relationship-view';
import { writeViewJson } from './relationship-view-json';

// Valid times around the random articles' days (2024-01-01 + 10 days × 0..20), knowledge times
// around their recordings (a second apart from 2026-01-01) and the retractions (2030-01-01).
const asOfs = fc.integer({ min: -1, max: 202 }).map((day) => new Date(`${addDays('2024-01-01', day)}T12:00:00.000Z`));
const knownAts = fc.oneof(
  fc.integer({ min: -1, max: 9 }).map((index) => new Date(Date.parse(recordedAtOf(index)) + 500)),
  fc.constantFrom(new Date('2029-12-31T23:59:59.999Z'), new Date('2030-01-01T00:00:00.000Z'), new Date('2031-01-01T00:00:00.000Z')),
);
const queries = fc.array(fc.record({ asOf: asOfs, knownAt: knownAts }), { minLength: 1, maxLength: 12 });

describe('relationship history', () => {
  it('should answer every asOf and knownAt, asked in any order and again, as the stream folded whole', () => {
    fc.assert(
      fc.property(
        randomArticles().chain((articles) => fc.tuple(fc.constant(articles), fc.subarray(articles.map((a) => a.id)), queries)),
        ([articles, withdrawn, asked]) => {
          const replay = ingest(articles, { retract: withdrawn });
          for (const dyad of replay.dyads()) {
            const events = replay.events(dyad);
            const history = new RelationshipHistory(dyad, events);
            for (const at of [...asked, ...asked]) {
              expect(history.viewJsonAt({ dyad, ...at })).toBe(JSON.stringify(stateAt(events, { dyad, ...at })));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should count as its size every event of the stream, retractions included', () => {
    fc.assert(
      fc.property(randomArticles(), (articles) => {
        const replay = ingest(articles, { retract: [articles[0].id] });
        for (const dyad of replay.dyads()) expect(new RelationshipHistory(dyad, replay.events(dyad)).size).toBe(replay.events(dyad).length);
      }),
      { numRuns: 20 },
    );
  });
});

describe('view JSON', () => {
  it('should write a view as JSON.stringify does', () => {
    fc.assert(
      fc.property(randomArticles(), asOfs, knownAts, (articles, asOf, knownAt) => {
        const replay = ingest(articles);
        for (const dyad of replay.dyads()) {
          const view = stateAt(replay.events(dyad), { dyad, asOf, knownAt });
          expect(writeViewJson(view, (item) => JSON.stringify(item))).toBe(JSON.stringify(view));
        }
      }),
      { numRuns: 100 },
    );
  });
});
