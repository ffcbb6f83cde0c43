import { codeFact, meetingVenue } from './event-coding';
import { COMMITMENT_CATEGORIES, COMMITMENT_STATUSES } from './facts';

describe('CAMEO and PLOVER coding', () => {
  it('should code a meeting in one of the two countries as a visit and elsewhere as a third location', () => {
    expect(codeFact({ type: 'MeetingHeld', venue: meetingVenue({ city: 'Moscow', country: 'RU' }, ['RU', 'SY']) })).toEqual({
      cameo: '042',
      cameoName: 'Make a visit',
      goldstein: 1.9,
      plover: { type: 'CONSULT', mode: 'visit' },
    });
    expect(codeFact({ type: 'MeetingHeld', venue: meetingVenue({ city: 'Jeddah', country: 'SA' }, ['UA', 'US']) })).toMatchObject({
      cameo: '044',
      goldstein: 2.5,
      plover: { type: 'CONSULT', mode: 'third-party' },
    });
  });

  it('should code a promise as an intent to cooperate and its fulfilment as the cooperation itself', () => {
    expect(codeFact({ type: 'CommitmentMade', category: 'security' })).toMatchObject({ cameo: '0334', goldstein: 6.0, plover: { type: 'AGREE' } });
    expect(codeFact({ type: 'CommitmentStatusChanged', category: 'security', status: 'fulfilled' })).toMatchObject({
      cameo: '074',
      goldstein: 8.5,
      plover: { type: 'AID', mode: 'military' },
    });
  });

  it('should code a suspended, broken or withdrawn commitment as a reduction of relations', () => {
    for (const status of ['suspended', 'broken', 'withdrawn'] as const) {
      const code = codeFact({ type: 'CommitmentStatusChanged', category: 'military_cooperation', status });
      expect(code).toMatchObject({ cameo: '1622', goldstein: -5.6, plover: { type: 'SANCTION' } });
    }
  });

  it('should weigh tensions by severity and easings as yielding', () => {
    expect(codeFact({ type: 'TensionReported', scope: 'bilateral', severity: 'high' })).toMatchObject({ cameo: '130', goldstein: -4.4 });
    expect(codeFact({ type: 'TensionReported', scope: 'bilateral', severity: 'medium' })).toMatchObject({ cameo: '120', goldstein: -4.0 });
    expect(codeFact({ type: 'TensionReported', scope: 'domestic', severity: 'high' })).toMatchObject({ cameo: '110', goldstein: -2.0 });
    expect(codeFact({ type: 'TensionEased', scope: 'bilateral' })).toMatchObject({ cameo: '080', goldstein: 5.0, plover: { type: 'CONCEDE' } });
  });

  it('should code every category in every status with a weight on the Goldstein scale', () => {
    for (const category of COMMITMENT_CATEGORIES) {
      for (const status of COMMITMENT_STATUSES) {
        const { goldstein } = codeFact({ type: 'CommitmentStatusChanged', category, status });
        expect(Math.abs(goldstein)).toBeLessThanOrEqual(10);
      }
    }
  });
});
