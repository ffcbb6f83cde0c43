import { compareIso, minDay } from './calendar-day';
import { groupBy } from './group-by';
import { COMMITMENT_STATUSES, type CommitmentCategory, type CommitmentStatus, type CountryCode } from './facts';
import type {
  CommitmentMade,
  CommitmentStatusChanged,
  FactCorroborated,
  FactEvent,
  LaterCommitmentStatus,
} from './relationship.events';

export type CommitmentAssertion = CommitmentMade | CommitmentStatusChanged | FactCorroborated;

export interface CommitmentKey {
  readonly promisor: CountryCode;
  readonly beneficiary: CountryCode;
  readonly category: CommitmentCategory;
}

// One report that the commitment reached a status, on a day of valid time.
export interface StatusReport {
  readonly status: LaterCommitmentStatus;
  readonly fact: CommitmentAssertion;
  // The status change this report stands for: its own id, or the one it corroborates.
  readonly changeId: string;
}

export interface CommitmentRecord extends CommitmentKey {
  readonly id: string;
  readonly summary: string;
  readonly start: string; // the earliest day any report places it on
  readonly makings: readonly CommitmentAssertion[]; // reports of the promise, in valid time
  readonly reports: readonly StatusReport[]; // reports of later statuses, in valid time
  readonly status: CommitmentStatus;
  readonly assertions: readonly CommitmentAssertion[];
}

export function commitmentsOf(facts: readonly FactEvent[]): CommitmentRecord[] {
  return [...groupBy<FactEvent, CommitmentAssertion>(facts, commitmentIdOf)].map(([id, assertions]) => toRecord(id, assertions));
}

// The status as of a day of valid time; null before the commitment is known to exist.
export function statusAt(commitment: CommitmentRecord, day: string): StatusReport | 'made' | null {
  const reports = commitment.reports.filter((report) => report.fact.metadata.occurredAt <= day);
  if (reports.length > 0) return reports[reports.length - 1];
  return commitment.start <= day ? 'made' : null;
}

// A report of a status already in force at its day, or of the status the next report gives
// (an earlier, less precise date for the same change: "in June" read as June 1 for June 6), adds
// no transition: it stands for that change.
export function sameStatusAround(commitment: CommitmentRecord, day: string, status: CommitmentStatus): StatusReport | null {
  const before = statusAt(commitment, day);
  if (before !== null && before !== 'made' && before.status === status) return before;
  const after = commitment.reports.find((report) => report.fact.metadata.occurredAt > day);
  return after?.status === status ? after : null;
}

// Several commitments can share a key when a promise is made anew after the old one closed;
// a report belongs to the latest of them that had started by its day (else to the first).
export function findCommitment(
  commitments: readonly CommitmentRecord[],
  key: CommitmentKey,
  day: string,
): CommitmentRecord | undefined {
  const same = commitments
    .filter((c) => c.promisor === key.promisor && c.beneficiary === key.beneficiary && c.category === key.category)
    .sort((a, b) => compareIso(a.start, b.start));
  return same.filter((c) => c.start <= day).pop() ?? same[0];
}

// The commitment a fact reports; null for facts of other kinds.
export function commitmentIdOf(fact: FactEvent): string | null {
  switch (fact.type) {
    case 'CommitmentMade':
      return fact.data.factId;
    case 'CommitmentStatusChanged':
      return fact.data.commitmentId;
    case 'FactCorroborated':
      return fact.data.factType === 'CommitmentMade' || fact.data.factType === 'CommitmentStatusChanged'
        ? fact.data.commitmentId
        : null;
    default:
      return null;
  }
}

function toRecord(id: string, assertions: readonly CommitmentAssertion[]): CommitmentRecord {
  const makings: CommitmentAssertion[] = [];
  const reports: StatusReport[] = [];
  for (const fact of assertions) {
    const report = statusReportOf(fact);
    if (report) reports.push(report);
    else makings.push(fact);
  }
  makings.sort(byValidTime);
  // Same day: the status further along the lifecycle comes last, whatever the arrival order.
  reports.sort((a, b) => byValidTime(a.fact, b.fact, statusRank(a.status) - statusRank(b.status)));
  const keys = assertions[0].data as unknown as CommitmentKey & { summary: string };
  return {
    id,
    promisor: keys.promisor,
    beneficiary: keys.beneficiary,
    category: keys.category,
    summary: ((makings[0] ?? reports[0].fact).data as { summary: string }).summary,
    start: minDay(assertions.map((fact) => fact.metadata.occurredAt)) ?? '',
    makings,
    reports,
    status: reports.length > 0 ? reports[reports.length - 1].status : 'made',
    assertions,
  };
}

function statusReportOf(fact: CommitmentAssertion): StatusReport | null {
  if (fact.type === 'CommitmentStatusChanged') {
    return { status: fact.data.status, fact, changeId: fact.data.factId };
  }
  if (fact.type === 'FactCorroborated' && fact.data.factType === 'CommitmentStatusChanged') {
    return { status: fact.data.status, fact, changeId: fact.data.corroborates };
  }
  return null;
}

function statusRank(status: CommitmentStatus): number {
  return COMMITMENT_STATUSES.indexOf(status);
}

function byValidTime(a: FactEvent, b: FactEvent, sameDay = 0): number {
  return (
    compareIso(a.metadata.occurredAt, b.metadata.occurredAt) ||
    sameDay ||
    compareIso(a.metadata.recordedAt, b.metadata.recordedAt)
  );
}
