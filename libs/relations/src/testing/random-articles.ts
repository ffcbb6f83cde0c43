import fc from 'fast-check';
import { addDays } from '../domain/calendar-day';
import type { IdentifiedCandidate } from '../domain/relationship.commands';
import type { CorpusArticle } from './corpus-articles';
import { aCommitment, aDelegation, aMeeting, aStatusChange, aTension, anEasing } from './relationship.factories';

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
    .record({ i: fc.integer({ min: 0, max: 20 }), country: fc.constantFrom('KP', 'RU'), leader: fc.constantFrom('Choe Son Hui', 'Sergei Lavrov') })
    .map(({ i, country, leader }) => () => aDelegation({ country, leader, occurredAt: day(i) })),
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


export function randomArticles(): fc.Arbitrary<CorpusArticle[]> {
  return fc.array(fc.array(fact, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }).map(articlesOf);
}
