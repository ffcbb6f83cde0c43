import { deciderSpecification } from '@dyad/platform/testing/decider-specification';
import { aTension, anEasing, historyOf, recordArticle } from '../testing/relationship.factories';
import { relationshipDecider } from './relationship.decider';
import type { RelationshipEvent } from './relationship.events';

const spec = deciderSpecification(relationshipDecider);
const types = (events: readonly RelationshipEvent[]) => events.map((e) => e.type);

describe('tensions', () => {
  it('should report a tension when none is open', () => {
    const tension = aTension({ occurredAt: '2025-02-28' });
    spec
      .given([])
      .when(recordArticle([tension]))
      .thenMatches((events) =>
        expect(events[0]).toMatchObject({ type: 'TensionReported', data: { factId: tension.factId, tensionId: tension.factId } }),
      );
  });

  it('should corroborate the open tension when it is reported again', () => {
    const tension = aTension({ occurredAt: '2025-02-28' });
    spec
      .given(historyOf(recordArticle([tension])))
      .when(recordArticle([aTension({ occurredAt: '2025-03-02' })]))
      .thenMatches((events) =>
        expect(events[0]).toMatchObject({
          type: 'FactCorroborated',
          data: { factType: 'TensionReported', tensionId: tension.factId, corroborates: tension.factId },
        }),
      );
  });

  it('should close the open tension when an easing is reported', () => {
    const tension = aTension({ occurredAt: '2025-02-28' });
    spec
      .given(historyOf(recordArticle([tension])))
      .when(recordArticle([anEasing({ occurredAt: '2025-03-11' })]))
      .thenMatches((events) => expect(events[0]).toMatchObject({ type: 'TensionEased', data: { tensionId: tension.factId } }));
  });

  it('should record an eased tension when an easing comes with no earlier report', () => {
    const easing = anEasing({ occurredAt: '2023-03-10' });
    spec
      .given([])
      .when(recordArticle([easing]))
      .thenMatches((events) => expect(events[0]).toMatchObject({ type: 'TensionEased', data: { tensionId: easing.factId } }));
  });

  it('should reopen a tension when one that eased is reported again later', () => {
    const given = historyOf(
      recordArticle([aTension({ occurredAt: '2025-02-28' })]),
      recordArticle([anEasing({ occurredAt: '2025-03-11' })]),
    );
    const again = aTension({ occurredAt: '2025-07-02' });
    spec
      .given(given)
      .when(recordArticle([again]))
      .thenMatches((events) => expect(events[0]).toMatchObject({ type: 'TensionReported', data: { tensionId: again.factId } }));
  });

  it('should corroborate the easing when an article recalls a thaw already recorded', () => {
    const easing = anEasing({ occurredAt: '2025-03-11' });
    const given = historyOf(recordArticle([aTension({ occurredAt: '2025-02-28' })]), recordArticle([easing]));
    spec
      .given(given)
      .when(recordArticle([anEasing({ occurredAt: '2025-04-01' })]))
      .thenMatches((events) =>
        expect(events[0]).toMatchObject({ type: 'FactCorroborated', data: { factType: 'TensionEased', corroborates: easing.factId } }),
      );
  });

  it('should date a known easing tension when its report arrives late', () => {
    const easing = anEasing({ occurredAt: '2025-03-11' });
    spec
      .given(historyOf(recordArticle([easing])))
      .when(recordArticle([aTension({ occurredAt: '2025-02-28' })]))
      .thenMatches((events) => expect(events[0]).toMatchObject({ type: 'TensionReported', data: { tensionId: easing.factId } }));
  });

  it('should keep domestic tensions in different countries apart', () => {
    const given = historyOf(recordArticle([aTension({ scope: 'domestic', locus: 'KP' })]));
    spec
      .given(given)
      .when(recordArticle([aTension({ scope: 'domestic', locus: 'RU' })]))
      .thenMatches((events) => expect(types(events)).toEqual(['TensionReported']));
  });

  it('should treat bilateral tensions of one dyad as one whichever side is named aggrieved', () => {
    const given = historyOf(recordArticle([aTension({ scope: 'bilateral', locus: 'KP' })]));
    spec
      .given(given)
      .when(recordArticle([anEasing({ scope: 'bilateral', locus: 'RU', occurredAt: '2024-07-01' })]))
      .thenMatches((events) => expect(types(events)).toEqual(['TensionEased']));
  });
});
