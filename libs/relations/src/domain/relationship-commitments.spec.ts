import { deciderSpecification } from '@dyad/platform/testing/decider-specification';
import { aCommitment, aStatusChange, historyOf, recordArticle } from '../testing/relationship.factories';
import { relationshipDecider } from './relationship.decider';
import type { RelationshipEvent } from './relationship.events';
import { RelationsError } from './relations.errors';

const spec = deciderSpecification(relationshipDecider);
const types = (events: readonly RelationshipEvent[]) => events.map((e) => e.type);

describe('commitments', () => {
  it('should record a commitment made when none is known for its promisor, beneficiary and category', () => {
    const made = aCommitment();
    spec
      .given([])
      .when(recordArticle([made]))
      .thenMatches((events) =>
        expect(events).toEqual([
          expect.objectContaining({
            type: 'CommitmentMade',
            data: { factId: made.factId, dyad: 'KP-RU', promisor: 'RU', beneficiary: 'KP', category: 'security', summary: 'Assistance if attacked.' },
          }),
        ]),
      );
  });

  it('should corroborate an open commitment when an article restates it as background', () => {
    const made = aCommitment({ occurredAt: '2024-06-19' });
    spec
      .given(historyOf(recordArticle([made])))
      .when(recordArticle([aCommitment({ occurredAt: '2025-04-28', occurredAtSource: 'publishedAt' })]))
      .thenMatches((events) =>
        expect(events[0]).toMatchObject({
          type: 'FactCorroborated',
          data: { factType: 'CommitmentMade', commitmentId: made.factId, corroborates: made.factId },
        }),
      );
  });

  it('should reaffirm an open commitment when the text presents the promise as renewed', () => {
    const made = aCommitment({ occurredAt: '2024-06-19' });
    spec
      .given(historyOf(recordArticle([made])))
      .when(recordArticle([aCommitment({ occurredAt: '2025-01-10', renewed: true })]))
      .thenMatches((events) =>
        expect(events[0]).toMatchObject({ type: 'CommitmentStatusChanged', data: { commitmentId: made.factId, status: 'reaffirmed' } }),
      );
  });

  it('should change the status of a known commitment when a later article reports it', () => {
    const made = aCommitment({ occurredAt: '2024-06-19' });
    const fulfilled = aStatusChange({ status: 'fulfilled', occurredAt: '2025-04-28' });
    spec
      .given(historyOf(recordArticle([made])))
      .when(recordArticle([fulfilled]))
      .thenMatches((events) =>
        expect(events).toEqual([
          expect.objectContaining({
            type: 'CommitmentStatusChanged',
            data: expect.objectContaining({ factId: fulfilled.factId, commitmentId: made.factId, status: 'fulfilled' }),
          }),
        ]),
      );
  });

  it('should corroborate a status change when another article reports the same status', () => {
    const fulfilled = aStatusChange({ status: 'fulfilled', occurredAt: '2025-04-28' });
    const given = historyOf(recordArticle([aCommitment({ occurredAt: '2024-06-19' })]), recordArticle([fulfilled]));
    spec
      .given(given)
      .when(recordArticle([aStatusChange({ status: 'fulfilled', occurredAt: '2025-05-02' })]))
      .thenMatches((events) =>
        expect(events[0]).toMatchObject({
          type: 'FactCorroborated',
          data: { factType: 'CommitmentStatusChanged', status: 'fulfilled', corroborates: fulfilled.factId },
        }),
      );
  });

  it('should corroborate a closed commitment when an article recalls the old promise', () => {
    const made = aCommitment({ occurredAt: '2024-06-19' });
    const given = historyOf(recordArticle([made]), recordArticle([aStatusChange({ status: 'fulfilled', occurredAt: '2025-04-28' })]));
    spec
      .given(given)
      .when(recordArticle([aCommitment({ occurredAt: '2025-09-01', occurredAtSource: 'publishedAt' })]))
      .thenMatches((events) => expect(events[0]).toMatchObject({ type: 'FactCorroborated', data: { commitmentId: made.factId } }));
  });

  it('should record a new commitment when a closed one is promised again, dated after its closing', () => {
    const given = historyOf(
      recordArticle([aCommitment({ occurredAt: '2024-06-19' })]),
      recordArticle([aStatusChange({ status: 'fulfilled', occurredAt: '2025-04-28' })]),
    );
    spec
      .given(given)
      .when(recordArticle([aCommitment({ occurredAt: '2025-09-01', occurredAtSource: 'text' })]))
      .thenMatches((events) => expect(types(events)).toEqual(['CommitmentMade']));
  });

  it('should record the commitment as made, then its status, when a status names an unknown commitment', () => {
    const suspended = aStatusChange({ status: 'suspended', occurredAt: '2025-07-01' });
    spec
      .given([])
      .when(recordArticle([suspended]))
      .thenMatches((events) => {
        expect(types(events)).toEqual(['CommitmentMade', 'CommitmentStatusChanged']);
        expect(events[0].data).toMatchObject({ factId: suspended.impliedFactId, impliedBy: suspended.factId });
        expect(events[1].data).toMatchObject({ factId: suspended.factId, commitmentId: suspended.impliedFactId, status: 'suspended' });
      });
  });

  it('should keep one commitment when its making is reported after its fulfilment arrived', () => {
    const given = historyOf(recordArticle([aStatusChange({ status: 'fulfilled', occurredAt: '2023-06-06' })]));
    spec
      .given(given)
      .when(recordArticle([aCommitment({ occurredAt: '2023-03-10' })]))
      .thenMatches((events) => expect(events[0]).toMatchObject({ type: 'FactCorroborated', data: { factType: 'CommitmentMade' } }));
  });

  it('should refuse a commitment whose promisor is not in the dyad', () => {
    spec
      .given([])
      .when(recordArticle([aCommitment({ promisor: 'US' })]))
      .thenThrows((error) => error instanceof RelationsError && error.code === 'RELATIONS.INVALID_FACT');
  });

  it('should refuse facts about another dyad than the stream', () => {
    spec
      .given(historyOf(recordArticle([aCommitment()])))
      .when(recordArticle([aCommitment({ dyad: 'UA-US', promisor: 'US', beneficiary: 'UA' })]))
      .thenThrows((error) => error instanceof RelationsError && error.code === 'RELATIONS.DYAD_MISMATCH');
  });
});
