import fc from 'fast-check';
import { addDays } from './calendar-day';
import { ingest, recordedAtOf } from '../testing/corpus-replay';
import { randomArticles } from '../testing/random-articles';
import { aTension, anEasing, historyOf, recordArticle } from '../testing/relationship.factories';
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

  it('should answer, extended with the events that followed, as the stream folded whole', () => {
    fc.assert(
      fc.property(
        randomArticles().chain((articles) => fc.tuple(fc.constant(articles), fc.subarray(articles.map((a) => a.id)), queries, fc.nat())),
        ([articles, withdrawn, asked, cut]) => {
          const replay = ingest(articles, { retract: withdrawn });
          for (const dyad of replay.dyads()) {
            const events = replay.events(dyad);
            const earlier = new RelationshipHistory(dyad, events.slice(0, cut % (events.length + 1)));
            for (const at of asked) earlier.viewJsonAt({ dyad, ...at });
            const history = earlier.extendedWith(events.slice(cut % (events.length + 1)));
            for (const at of asked) expect(history.viewJsonAt({ dyad, ...at })).toBe(JSON.stringify(stateAt(events, { dyad, ...at })));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  // The second tension's easing is learnt before its report: until the report arrives, the
  // easing repeats the first tension's; an earlier tension that a cut leaves whole is not enough.
  it('should give a whole earlier tension the easing that, cut from its report, repeats it', () => {
    const events = historyOf(
      recordArticle([aTension({ occurredAt: '2024-01-01' }), anEasing({ occurredAt: '2024-01-05' })], { recordedAt: '2024-01-06T00:00:00.000Z' }),
      recordArticle([anEasing({ occurredAt: '2024-02-12' })], { recordedAt: '2024-02-13T00:00:00.000Z' }),
      recordArticle([aTension({ occurredAt: '2024-02-10' })], { recordedAt: '2024-02-14T00:00:00.000Z' }),
    );
    const history = new RelationshipHistory('KP-RU', events);
    for (const knownAt of ['2024-01-07', '2024-02-13T12:00:00Z', '2024-03-01']) {
      for (const asOf of ['2024-01-03', '2024-01-20', '2024-02-11', '2024-03-01']) {
        const at = { dyad: 'KP-RU', asOf: new Date(asOf), knownAt: new Date(knownAt) };
        expect(history.viewJsonAt(at)).toBe(JSON.stringify(stateAt(events, at)));
      }
    }
    const learnt = { dyad: 'KP-RU', asOf: new Date('2024-03-01'), knownAt: new Date('2024-02-13T12:00:00Z') };
    expect(history.viewAt(learnt).tensions.map((t) => [t.status, t.sources])).toEqual([['eased', 2]]);
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
