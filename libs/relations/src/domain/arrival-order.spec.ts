import fc from 'fast-check';
import { CORPUS } from '../testing/corpus-articles';
import { ingest, orderFree } from '../testing/corpus-replay';
import { randomArticles } from '../testing/random-articles';

// The final state must not depend on the order articles arrive in: a follow-up may be ingested
// before the article it follows. The decider places every fact in valid time (a status report
// with no known commitment records the commitment too; a late promise then corroborates it; an
// easing known before its report is dated by it) and the view derives statuses and tension
// episodes from valid-time order alone, so only ids and recorded times differ between orders.
const articles = [...CORPUS.values()];
const inOrder = ingest(articles);
const expected = inOrder.dyads().map((dyad) => orderFree(inOrder.view(dyad)));

describe('arrival order', () => {
  it('should give the same final state of every dyad whatever order the corpus articles arrive in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(articles, { minLength: articles.length, maxLength: articles.length }), (shuffled) => {
        const replay = ingest(shuffled);
        expect(replay.dyads()).toEqual(inOrder.dyads());
        expect(replay.dyads().map((dyad) => orderFree(replay.view(dyad)))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('arrival order of random articles', () => {
  it('should give the same final state whatever order random articles arrive in', () => {
    fc.assert(
      fc.property(
        randomArticles().chain((articles) =>
          fc.tuple(fc.constant(articles), fc.shuffledSubarray(articles, { minLength: articles.length, maxLength: articles.length })),
        ),
        ([articles, shuffled]) => {
          const a = ingest(articles);
          const b = ingest(shuffled);
          expect(b.dyads().map((dyad) => orderFree(b.view(dyad)))).toEqual(a.dyads().map((dyad) => orderFree(a.view(dyad))));
        },
      ),
      { numRuns: 300 },
    );
  });
});
