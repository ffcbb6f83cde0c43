import { codeFact, meetingVenue } from './event-coding';
import { codeFactEvent } from './fact-event-coding';
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

describe('fact events as directed event records', () => {
  const metadata = {
    articleId: 'a-1',
    evidence: { sentence: 0, start: 0, end: 1, quote: 'x' },
    extractor: { name: 'test', version: '1' },
    confidence: 1,
    occurredAt: '2025-03-11',
    occurredAtSource: 'text' as const,
    publishedAt: '2025-03-12',
    recordedAt: '2026-01-01T00:00:00Z',
    schemaVersion: 1,
  };

  it('should make the visitor the actor and the host the recipient of a meeting', () => {
    const coded = codeFactEvent({
      type: 'MeetingHeld',
      data: { factId: 'f', dyad: 'RU-SY', date: null, participants: [], location: { city: 'Moscow', country: 'RU' }, topics: [] },
      metadata,
    });
    expect(coded).toMatchObject({ actor: 'SY', recipient: 'RU', cameo: '042' });
  });

  it('should code a corroboration as the fact it confirms, promisor toward beneficiary', () => {
    const coded = codeFactEvent({
      type: 'FactCorroborated',
      data: {
        factId: 'f',
        dyad: 'UA-US',
        corroborates: 'g',
        factType: 'CommitmentStatusChanged',
        commitmentId: 'g',
        promisor: 'US',
        beneficiary: 'UA',
        category: 'military_cooperation',
        status: 'suspended',
        summary: '',
      },
      metadata,
    });
    expect(coded).toMatchObject({ actor: 'US', recipient: 'UA', cameo: '1622', goldstein: -5.6 });
  });

  it('should make the aggrieved side the recipient of a tension', () => {
    const coded = codeFactEvent({
      type: 'TensionReported',
      data: { factId: 'f', dyad: 'UA-US', tensionId: 'f', scope: 'bilateral', locus: 'UA', subject: '', severity: 'high' },
      metadata,
    });
    expect(coded).toMatchObject({ actor: 'US', recipient: 'UA', plover: { type: 'THREATEN' } });
  });
});
