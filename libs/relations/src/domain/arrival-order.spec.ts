import fc from 'fast-check';
import { CORPUS, type CorpusArticle } from '../testing/corpus-articles';
import { comparable, ingest } from '../testing/corpus-replay';
import { aCommitment, aMeeting, aStatusChange, aTension, anEasing } from '../testing/relationship.factories';
import { addDays } from './calendar-day';
import type { IdentifiedCandidate } from './relationship.commands';
import type { RelationshipView } from './relationship-view';

// The final state must not depend on the order articles arrive in: a follow-up may be ingested
// before the article it follows. The decider places every fact in valid time (a status report
// with no known commitment records the commitment too; a late promise then corroborates it; an
// easing known before its report is dated by it) and the view derives statuses and tension
// episodes from valid-time order alone, so only ids and recorded times differ between orders.
function orderFree(view: RelationshipView) {
  return {
    ...comparable(view),
    meetingDays: view.meetings.items.map((m) => m.date ?? m.day),
    delegations: view.delegations.length,
    tensions: view.tensions.map((t) => [t.scope, t.status, t.reportedAt, t.easedAt]),
    histories: view.commitments
      .map((c) => `${c.promisor}>${c.beneficiary}:${c.category}:${c.history.map((h) => `${h.status}@${h.occurredAt}`).join(',')}`)
      .sort(),
    score: view.score,
  };
}

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

// Random articles on one dyad, within the rules' exact range: meetings ten days apart or on the
// same day (the ±1-day rule is not transitive, so chains of adjacent days can merge differently),
// promises dated before any status of theirs (a promise dated after its commitment closed is a new
// commitment only if the closing is known when it arrives).
const day = (i: number) => addDays('2024-01-01', 10 * i);
const place = fc.constantFrom({ city: 'Pyongyang', country: 'KP' }, { city: 'Moscow', country: 'RU' });
const key = fc.record({
  promisor: fc.constantFrom('KP', 'RU'),
  category: fc.constantFrom('security' as const, 'trade' as const),
});
const fact: fc.Arbitrary<() => IdentifiedCandidate> = fc.oneof(
  fc.record({ i: fc.integer({ min: 0, max: 20 }), location: place }).map(({ i, location }) => () => aMeeting({ date: day(i), location })),
  fc.record({ i: fc.integer({ min: 0, max: 2 }), k: key }).map(({ i, k }) => () =>
    aCommitment({ ...k, beneficiary: k.promisor === 'KP' ? 'RU' : 'KP', occurredAt: day(i) }),
  ),
  fc
    .record({ i: fc.integer({ min: 3, max: 20 }), k: key, status: fc.constantFrom('in_progress' as const, 'fulfilled' as const, 'suspended' as const) })
    .map(({ i, k, status }) => () => aStatusChange({ ...k, beneficiary: k.promisor === 'KP' ? 'RU' : 'KP', status, occurredAt: day(i) })),
  fc
    .record({ i: fc.integer({ min: 0, max: 20 }), scope: fc.constantFrom('bilateral' as const, 'domestic' as const), eases: fc.boolean() })
    .map(({ i, scope, eases }) => () => (eases ? anEasing({ scope, occurredAt: day(i) }) : aTension({ scope, occurredAt: day(i) }))),
);
const articlesOf = (facts: ReadonlyArray<ReadonlyArray<() => IdentifiedCandidate>>): CorpusArticle[] =>
  facts.map((makers, index) => {
    const gold = makers.map((make) => make());
    const publishedAt = gold.map((f) => f.occurredAt).sort().pop() ?? day(0);
    return { id: `random-${index}`, publishedAt, after: [], gold, background: [], state: [] };
  });

describe('arrival order of random articles', () => {
  it('should give the same final state whatever order random articles arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fact, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }).chain((makers) => {
          const articles = articlesOf(makers);
          return fc.tuple(fc.constant(articles), fc.shuffledSubarray(articles, { minLength: articles.length, maxLength: articles.length }));
        }),
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
