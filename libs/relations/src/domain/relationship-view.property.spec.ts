import fc from 'fast-check';
import { ingest, orderFree, recordedAtOf } from '../testing/corpus-replay';
import { randomArticles } from '../testing/random-articles';

describe('relationship view properties', () => {
  it('should show, for a knownAt between two articles, exactly what the articles recorded by then give', () => {
    fc.assert(
      fc.property(randomArticles(), (articles) => {
        const all = ingest(articles);
        articles.forEach((_article, index) => {
          const then = ingest(articles.slice(0, index + 1));
          const knownAt = new Date(recordedAtOf(index));
          expect(then.dyads().map((dyad) => orderFree(all.view(dyad, { knownAt })))).toEqual(
            then.dyads().map((dyad) => orderFree(then.view(dyad))),
          );
        });
      }),
      { numRuns: 100 },
    );
  });

  it('should leave the state as if an article had never arrived when it is retracted', () => {
    fc.assert(
      fc.property(
        randomArticles().chain((articles) => fc.tuple(fc.constant(articles), fc.constantFrom(...articles))),
        ([articles, withdrawn]) => {
          const retracted = ingest(articles, { retract: [withdrawn.id] });
          const without = ingest(articles.filter((article) => article !== withdrawn));
          expect(retracted.dyads().map((dyad) => orderFree(retracted.view(dyad)))).toEqual(
            retracted.dyads().map((dyad) => orderFree(without.view(dyad))),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
