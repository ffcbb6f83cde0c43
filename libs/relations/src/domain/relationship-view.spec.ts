import { deciderSpecification } from '@dyad/platform/testing/decider-specification';
import {
  aCommitment,
  aMeeting,
  aStatusChange,
  aTension,
  historyOf,
  recordArticle,
  retractArticle,
  retractFact,
} from '../testing/relationship.factories';
import { relationshipDecider } from './relationship.decider';
import { scoreTimeline, stateAt } from './relationship-view';
import { RelationsError } from './relations.errors';

const spec = deciderSpecification(relationshipDecider);
const at = (asOf: string, knownAt: string) => ({ dyad: 'KP-RU', asOf: new Date(asOf), knownAt: new Date(knownAt) });
const NOW = '2030-01-01T00:00:00Z';

describe('relationship state over valid time and knowledge time', () => {
  it('should show only what had happened by asOf', () => {
    const events = historyOf(
      recordArticle([aMeeting({ date: '2023-09-13' })]),
      recordArticle([aMeeting({ date: '2024-06-19', location: { city: 'Pyongyang', country: 'KP' } })]),
    );
    expect(stateAt(events, at('2024-01-01T00:00:00Z', NOW)).meetings.count).toBe(1);
    expect(stateAt(events, at(NOW, NOW)).meetings.count).toBe(2);
  });

  it('should change the past for asOf without changing what was known before a late article arrived', () => {
    const early = recordArticle([aCommitment({ occurredAt: '2024-06-19' })], { recordedAt: '2024-06-20T10:00:00Z' });
    const late = recordArticle([aStatusChange({ status: 'fulfilled', occurredAt: '2024-10-01' })], {
      recordedAt: '2025-04-28T10:00:00Z',
    });
    const events = historyOf(early, late);
    const status = (asOf: string, knownAt: string) => stateAt(events, at(asOf, knownAt)).commitments[0].status;
    expect(status('2024-12-01T00:00:00Z', NOW)).toBe('fulfilled');
    expect(status('2024-12-01T00:00:00Z', '2025-01-01T00:00:00Z')).toBe('made');
    expect(status('2024-07-01T00:00:00Z', NOW)).toBe('made');
  });

  it('should give each commitment its status history with evidence', () => {
    const made = aCommitment({ occurredAt: '2024-06-19' });
    const fulfilled = aStatusChange({ status: 'fulfilled', occurredAt: '2025-04-28' });
    const events = historyOf(recordArticle([made]), recordArticle([fulfilled]), recordArticle([aStatusChange({ status: 'fulfilled', occurredAt: '2025-05-01' })]));
    const [commitment] = stateAt(events, at(NOW, NOW)).commitments;
    expect(commitment).toMatchObject({ id: made.factId, status: 'fulfilled', madeAt: '2024-06-19', sources: 3 });
    expect(commitment.history.map((h) => [h.status, h.factId])).toEqual([
      ['made', made.factId],
      ['fulfilled', fulfilled.factId],
    ]);
    expect(commitment.history[1].evidence).toEqual(fulfilled.evidence);
  });

  it('should remove a retracted fact from then on and keep it for a knownAt before the retraction', () => {
    const tension = aTension({ occurredAt: '2025-02-28' });
    const events = historyOf(recordArticle([tension], { recordedAt: '2025-03-01T00:00:00Z' }), retractFact(tension.factId, '2025-03-05T00:00:00Z'));
    expect(stateAt(events, at(NOW, '2025-03-04T00:00:00Z')).openTensions).toBe(1);
    expect(stateAt(events, at(NOW, NOW)).openTensions).toBe(0);
  });

  it('should keep a meeting another article reports when the article that first reported it is retracted', () => {
    const first = recordArticle([aMeeting({ date: '2024-06-19' })]);
    const second = recordArticle([aMeeting({ date: '2024-06-19' })]);
    const onlyFirst = recordArticle([aCommitment()]);
    const events = historyOf(first, second, onlyFirst, retractArticle(first.data.articleId));
    const view = stateAt(events, at(NOW, NOW));
    expect(view.meetings).toMatchObject({ count: 1, sources: 1 });
    const withoutCommitment = stateAt(historyOf(onlyFirst, retractArticle(onlyFirst.data.articleId)), at(NOW, NOW));
    expect(withoutCommitment.commitments).toEqual([]);
  });

  it('should score the cooperation from the Goldstein weights of what happened by asOf', () => {
    const events = historyOf(
      recordArticle([aMeeting({ date: '2024-06-19', location: { city: 'Pyongyang', country: 'KP' } })]),
      recordArticle([aCommitment({ category: 'security', occurredAt: '2024-06-19' })]),
      recordArticle([aTension({ severity: 'medium', occurredAt: '2024-08-01' })]),
    );
    // Make a visit 1.9 + intent to provide military protection 6.0 + reject −4.0
    expect(stateAt(events, at(NOW, NOW)).score).toBe(3.9);
    expect(stateAt(events, at('2024-07-01T00:00:00Z', NOW)).score).toBe(7.9);
  });

  it('should give the score over time as the score after each day something happened', () => {
    const events = historyOf(
      recordArticle([aMeeting({ date: '2024-06-19', location: { city: 'Pyongyang', country: 'KP' } })]),
      recordArticle([aCommitment({ category: 'security', occurredAt: '2024-06-19' })]),
      recordArticle([aTension({ severity: 'medium', occurredAt: '2024-08-01' })]),
    );
    const view = stateAt(events, at(NOW, NOW));
    const timeline = scoreTimeline(view);
    expect(timeline).toEqual([
      { day: '2024-06-19', score: 7.9 },
      { day: '2024-08-01', score: 3.9 },
    ]);
    for (const { day, score } of timeline) expect(stateAt(events, at(`${day}T12:00:00Z`, NOW)).score).toBe(score);
  });
});

describe('retractions', () => {
  it('should retract one fact by its id', () => {
    const meeting = aMeeting();
    spec
      .given(historyOf(recordArticle([meeting])))
      .when(retractFact(meeting.factId, '2026-06-01T00:00:00.000Z'))
      .then([
        {
          type: 'FactRetracted',
          data: { factId: meeting.factId, reason: 'analyst correction' },
          metadata: { recordedAt: '2026-06-01T00:00:00.000Z', schemaVersion: 1 },
        },
      ]);
  });

  it('should refuse to retract a fact the relationship does not hold', () => {
    spec
      .given([])
      .when(retractFact('00000000-0000-4000-8000-000000000000'))
      .then((error) => error instanceof RelationsError && error.code === 'RELATIONS.FACT_NOT_FOUND');
  });

  it('should refuse to retract a fact twice', () => {
    const meeting = aMeeting();
    spec
      .given(historyOf(recordArticle([meeting]), retractFact(meeting.factId)))
      .when(retractFact(meeting.factId))
      .thenThrows((error) => error instanceof RelationsError && error.code === 'RELATIONS.FACT_ALREADY_RETRACTED');
  });

  it('should retract every standing fact of an article and nothing when it has none left', () => {
    const article = recordArticle([aMeeting(), aCommitment()]);
    spec
      .given(historyOf(article))
      .when(retractArticle(article.data.articleId))
      .thenMatches((events) => {
        expect(events.map((e) => e.type)).toEqual(['FactRetracted', 'FactRetracted']);
        expect(events[0].metadata).toMatchObject({ articleId: article.data.articleId });
      });
    spec.given(historyOf(article, retractArticle(article.data.articleId))).when(retractArticle(article.data.articleId)).thenNothingHappened();
  });
});
