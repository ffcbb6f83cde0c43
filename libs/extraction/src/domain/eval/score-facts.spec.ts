import { countMatches, matchesGold, scoreArticles } from './score-facts';

describe('scoreArticles', () => {
  const meeting = { type: 'MeetingHeld', dyad: 'DE-FR', date: '2025-06-10', participants: [] };
  const promise = { type: 'CommitmentMade', dyad: 'DE-FR', promisor: 'FR', beneficiary: 'DE', category: 'trade', summary: 'a' };

  it('should match on the required keys only', () => {
    expect(matchesGold(meeting, { ...meeting, participants: [{ name: 'x' }], location: { city: 'Berlin' } })).toBe(true);
    expect(matchesGold(meeting, { ...meeting, date: '2025-06-11' })).toBe(false);
    expect(matchesGold(promise, { ...promise, summary: 'another wording' })).toBe(true);
    expect(matchesGold(promise, { ...promise, category: 'energy' })).toBe(false);
  });

  it('should match a delegation leader across spellings and a bilateral tension whatever its locus', () => {
    const delegation = { type: 'DelegationListed', dyad: 'RU-SY', country: 'SY', leader: 'Asaad Hassan al-Shaibani' };
    expect(matchesGold(delegation, { ...delegation, leader: 'Assad Hassan al-Shaybani' })).toBe(true);
    const tension = { type: 'TensionReported', dyad: 'UA-US', scope: 'bilateral', locus: 'UA' };
    expect(matchesGold(tension, { ...tension, locus: 'US' })).toBe(true);
    expect(matchesGold({ ...tension, scope: 'domestic' }, { ...tension, scope: 'domestic', locus: 'US' })).toBe(false);
  });

  it('should count each gold event once when facts repeat', () => {
    expect(countMatches([meeting], [meeting, meeting])).toEqual({ MeetingHeld: { tp: 1, fp: 1, fn: 0 } });
  });

  it('should give precision, recall and F1 per type and overall', () => {
    const scores = scoreArticles([
      { gold: [meeting, promise], produced: [meeting] },
      { gold: [], produced: [{ ...promise, category: 'energy' }] },
    ]);
    expect(scores.byType.MeetingHeld).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(scores.byType.CommitmentMade).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1, f1: 0 });
    expect(scores.overall).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
