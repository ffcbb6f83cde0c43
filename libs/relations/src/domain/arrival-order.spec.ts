import fc from 'fast-check';
import { CORPUS } from '../testing/corpus-articles';
import { comparable, ingest } from '../testing/corpus-replay';
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
