import { stateAt, type CommitmentMade, type CommitmentStatusChanged, type FactEvent, type FactRetracted, type LaterCommitmentStatus, type RelationshipEvent } from '@dyad/relations';
import { randomUUID } from 'node:crypto';
import { commitmentIdOf, deriveCommitmentChange } from './derive-commitment-change';

const DYAD = 'RU-SY';
const END = new Date('9999-12-31T00:00:00Z');
const keys = { promisor: 'RU', beneficiary: 'SY', category: 'investment', summary: 'Russia promised to invest' } as const;

function metadata(occurredAt: string, recordedAt: string) {
  return {
    articleId: randomUUID(),
    evidence: { sentence: 0, start: 0, end: 5, quote: 'quote' },
    extractor: { name: 'rules', version: '1' },
    confidence: 0.9,
    occurredAt,
    occurredAtSource: 'text' as const,
    publishedAt: occurredAt,
    recordedAt,
    schemaVersion: 1,
  };
}

function made(occurredAt = '2025-10-15'): CommitmentMade {
  return { type: 'CommitmentMade', data: { ...keys, factId: randomUUID(), dyad: DYAD }, metadata: metadata(occurredAt, '2025-10-15T10:00:00Z') };
}

function statusChanged(commitment: CommitmentMade, status: LaterCommitmentStatus, occurredAt: string): CommitmentStatusChanged {
  return {
    type: 'CommitmentStatusChanged',
    data: { ...keys, factId: randomUUID(), dyad: DYAD, commitmentId: commitment.data.factId, status },
    metadata: metadata(occurredAt, `${occurredAt}T12:00:00Z`),
  };
}

function retraction(fact: FactEvent): FactRetracted {
  return { type: 'FactRetracted', data: { factId: fact.data.factId, reason: 'analyst' }, metadata: { recordedAt: '2026-01-01T00:00:00Z', schemaVersion: 1 } };
}

function view(facts: readonly FactEvent[], id: string) {
  return stateAt(facts, { dyad: DYAD, asOf: END, knownAt: END }).commitments.find((c) => c.id === id);
}

// The change an event makes given the facts standing before it.
function changeOf(before: readonly FactEvent[], event: RelationshipEvent, retracted?: FactEvent) {
  const after = event.type === 'FactRetracted' ? before.filter((f) => f.data.factId !== event.data.factId) : [...before, event];
  const id = retracted ? commitmentIdOf(retracted)! : commitmentIdOf(event)!;
  return deriveCommitmentChange({ position: '7.42', event, retracted, before: view(before, id), after: view(after, id) });
}

describe('deriveCommitmentChange', () => {
  it('should report a new commitment from null to made when a promise is recorded', () => {
    const promise = made();
    expect(changeOf([], promise)).toEqual({
      position: '7.42',
      kind: 'made',
      commitmentId: promise.data.factId,
      dyad: DYAD,
      promisor: 'RU',
      beneficiary: 'SY',
      category: 'investment',
      from: null,
      to: 'made',
      occurredAt: '2025-10-15',
      recordedAt: '2025-10-15T10:00:00Z',
      articleId: promise.metadata.articleId,
      evidence: promise.metadata.evidence,
      factId: promise.data.factId,
    });
  });

  it('should report from the status in force to the new one when a status change is recorded', () => {
    const promise = made();
    const change = changeOf([promise], statusChanged(promise, 'suspended', '2025-12-01'));
    expect(change).toMatchObject({ kind: 'status_changed', from: 'made', to: 'suspended', occurredAt: '2025-12-01' });
  });

  it('should name a reaffirmation as such when the promise is repeated', () => {
    const promise = made();
    expect(changeOf([promise], statusChanged(promise, 'reaffirmed', '2025-11-01'))).toMatchObject({ kind: 'reaffirmed', from: 'made', to: 'reaffirmed' });
  });

  it('should keep the current status when a late report concerns an earlier day', () => {
    const promise = made();
    const fulfilled = statusChanged(promise, 'fulfilled', '2025-12-20');
    const change = changeOf([promise, fulfilled], statusChanged(promise, 'in_progress', '2025-11-10'));
    expect(change).toMatchObject({ kind: 'status_changed', from: 'fulfilled', to: 'fulfilled' });
  });

  it('should report the status going back when the fact that changed it is retracted', () => {
    const promise = made();
    const suspended = statusChanged(promise, 'suspended', '2025-12-01');
    const change = changeOf([promise, suspended], retraction(suspended), suspended);
    expect(change).toMatchObject({ kind: 'retracted', from: 'suspended', to: 'made', factId: suspended.data.factId, occurredAt: '2025-12-01' });
  });

  it('should report to null when the only fact of a commitment is retracted', () => {
    const promise = made();
    expect(changeOf([promise], retraction(promise), promise)).toMatchObject({ kind: 'retracted', from: 'made', to: null });
  });

  it('should report nothing when the event is not about a commitment', () => {
    const meeting = { type: 'MeetingHeld', data: { factId: randomUUID(), dyad: DYAD }, metadata: metadata('2025-10-15', '2025-10-15T10:00:00Z') } as unknown as RelationshipEvent;
    expect(commitmentIdOf(meeting)).toBeNull();
    expect(deriveCommitmentChange({ position: '1.1', event: meeting })).toBeNull();
  });
});
