import { atOrBefore, compareIso, dayOf } from './calendar-day';
import { commitmentsOf, type CommitmentRecord } from './commitments';
import { cooperationScore, cooperationTimeline } from './cooperation-score';
import { delegationsOf, type DelegationRecord } from './delegations';
import { dyadCountries, type DyadId } from './dyad-id';
import type { CommitmentCategory, CommitmentStatus, CountryCode, DelegationMember, Evidence, Participant, Place, Severity, TensionScope } from './facts';
import { meetingDetails, meetingIdOf, meetingsOf, type MeetingRecord } from './meetings';
import { isFactEvent, type FactEvent, type RelationshipEvent } from './relationship.events';
import { tensionsOf, type TensionRecord } from './tensions';

// The state of a dyad (DESIGN §7) at valid time asOf, as known at knownAt.
export interface RelationshipView {
  readonly dyad: DyadId;
  readonly asOf: string;
  readonly knownAt: string;
  readonly meetings: {
    readonly count: number;
    readonly last: MeetingView | null;
    readonly participants: readonly Participant[];
    readonly places: readonly Place[];
    readonly sources: number; // distinct articles that report any of them
    readonly items: readonly MeetingView[];
  };
  readonly delegations: readonly DelegationView[];
  readonly commitments: readonly CommitmentView[];
  readonly tensions: readonly TensionView[];
  readonly openTensions: number;
  readonly score: number;
}

export interface MeetingView {
  readonly id: string;
  readonly date: string | null;
  readonly day: string;
  readonly location: Place | null;
  readonly participants: readonly Participant[];
  readonly topics: readonly string[];
  readonly sources: number;
}

export interface DelegationView {
  readonly id: string;
  readonly country: CountryCode;
  readonly leader: string;
  readonly leaderRole: string | null;
  readonly members: readonly DelegationMember[];
  readonly sources: number;
}

export interface CommitmentHistoryEntry {
  readonly status: CommitmentStatus;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly articleId: string;
  readonly evidence: Evidence;
  readonly factId: string;
}

export interface CommitmentView {
  readonly id: string;
  readonly promisor: CountryCode;
  readonly beneficiary: CountryCode;
  readonly category: CommitmentCategory;
  readonly status: CommitmentStatus;
  readonly summary: string;
  readonly madeAt: string;
  readonly history: readonly CommitmentHistoryEntry[];
  readonly sources: number;
}

export interface TensionView {
  readonly id: string;
  readonly scope: TensionScope;
  readonly locus: CountryCode;
  readonly subject: string;
  readonly severity: Severity | null;
  readonly status: 'open' | 'eased';
  readonly reportedAt: string | null;
  readonly easedAt: string | null;
  readonly sources: number;
}

export interface StateAtOptions {
  readonly dyad: DyadId;
  readonly asOf: Date;
  readonly knownAt: Date;
}

// DESIGN §5: the facts recorded at or before knownAt and occurring at or before asOf, minus those
// whose retraction was recorded at or before knownAt. Valid time has the precision of a day (UTC):
// a fact of day D is in the state for any asOf within D. Everything below is derived from that set
// alone, in valid-time order, so arrival order does not show through.
export function stateAt(events: readonly RelationshipEvent[], options: StateAtOptions): RelationshipView {
  const facts = visibleFacts(events, options);
  return viewOf(options, {
    meetings: meetingsOf(facts).map(meetingView),
    meetingSources: countSources(facts.filter((fact) => meetingIdOf(fact) !== null)),
    delegations: delegationsOf(facts).map(delegationView),
    commitments: commitmentsOf(facts).map(commitmentView),
    tensions: tensionsOf(facts).map(tensionView),
  });
}

// What a view is assembled from: the view of each meeting, delegation, commitment and tension,
// each list in the order its items first appear among the visible facts.
export interface ViewItems {
  readonly meetings: readonly MeetingView[];
  readonly meetingSources: number; // distinct articles among the visible facts of meetings
  readonly delegations: readonly DelegationView[];
  readonly commitments: readonly CommitmentView[];
  readonly tensions: readonly TensionView[];
}

export function viewOf(options: StateAtOptions, items: ViewItems): RelationshipView {
  const meetings = sortedBy(items.meetings, (m) => m.day);
  const commitments = sortedBy(items.commitments, (c) => `${c.madeAt}|${c.promisor}|${c.category}`);
  const tensions = sortedBy(items.tensions, (t) => `${t.reportedAt ?? t.easedAt ?? ''}|${t.scope}|${t.locus}`);
  return {
    dyad: options.dyad,
    asOf: options.asOf.toISOString(),
    knownAt: options.knownAt.toISOString(),
    meetings: {
      count: meetings.length,
      last: meetings[meetings.length - 1] ?? null,
      participants: distinctBy(meetings.flatMap((m) => m.participants), (p) => p.name),
      places: distinctBy(
        meetings.flatMap((m) => (m.location ? [m.location] : [])),
        (p) => `${p.city ?? ''}|${p.country ?? ''}`,
      ),
      sources: items.meetingSources,
      items: meetings,
    },
    delegations: items.delegations,
    commitments,
    tensions,
    openTensions: tensions.filter((t) => t.status === 'open').length,
    score: cooperationScore({ meetings, commitments, tensions }, dyadCountries(options.dyad)),
  };
}

// The cooperation score after each day on which something in the view happened: the score
// over time, as known at the view's knownAt.
export function scoreTimeline(view: RelationshipView): Array<{ day: string; score: number }> {
  const { meetings, commitments, tensions } = view;
  return cooperationTimeline({ meetings: meetings.items, commitments, tensions }, dyadCountries(view.dyad));
}

// One pass for the retractions, one for the facts, over the dyad's whole stream.
export function visibleFacts(events: readonly RelationshipEvent[], { asOf, knownAt }: StateAtOptions): FactEvent[] {
  const known = atOrBefore(knownAt);
  const lastDay = dayOf(asOf);
  const retracted = new Set<string>();
  for (const event of events) if (event.type === 'FactRetracted' && known(event.metadata.recordedAt)) retracted.add(event.data.factId);
  const facts: FactEvent[] = [];
  for (const event of events) {
    if (isFactEvent(event) && event.metadata.occurredAt <= lastDay && known(event.metadata.recordedAt) && !retracted.has(event.data.factId)) {
      facts.push(event);
    }
  }
  return facts;
}

export function meetingView(meeting: MeetingRecord): MeetingView {
  const { id, date, day, location } = meeting;
  return { id, date, day, location, ...meetingDetails(meeting), sources: countSources(meeting.assertions) };
}

// The history reads: the promise, then each change of status in valid time. Repeats of the
// status in force add sources, not entries. A promise was made no later than anything reported
// of it: one known only from status reports is dated by the earliest of them.
export function commitmentView(commitment: CommitmentRecord): CommitmentView {
  const history: CommitmentHistoryEntry[] = [];
  // With every report of the promise itself retracted, the first status report stands for it.
  const making = commitment.makings[0] ?? commitment.reports[0]?.fact;
  if (making) history.push({ ...entry('made', making), occurredAt: commitment.start });
  for (const report of commitment.reports) {
    if (history[history.length - 1]?.status !== report.status) history.push(entry(report.status, report.fact));
  }
  return {
    id: commitment.id,
    promisor: commitment.promisor,
    beneficiary: commitment.beneficiary,
    category: commitment.category,
    status: history[history.length - 1]?.status ?? 'made',
    summary: commitment.summary,
    madeAt: commitment.start,
    history,
    sources: countSources(commitment.assertions),
  };
}

export function tensionView(t: TensionRecord): TensionView {
  return {
    id: t.id,
    scope: t.scope,
    locus: t.locus,
    subject: t.subject,
    severity: t.severity,
    status: t.status,
    reportedAt: t.reportedAt,
    easedAt: t.easedAt,
    sources: new Set([...t.reports, ...t.easings].map((a) => a.articleId)).size,
  };
}

export function delegationView(d: DelegationRecord): DelegationView {
  return { id: d.id, country: d.country, leader: d.leader, leaderRole: d.leaderRole, members: d.members, sources: countSources(d.assertions) };
}

function entry(status: CommitmentStatus, fact: FactEvent): CommitmentHistoryEntry {
  return {
    status,
    occurredAt: fact.metadata.occurredAt,
    recordedAt: fact.metadata.recordedAt,
    articleId: fact.metadata.articleId,
    evidence: fact.metadata.evidence,
    factId: fact.data.factId,
  };
}

// Lists come in valid-time order, ties settled by their keys so that no order of arrival shows.
function sortedBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: keyOf(item) }))
    .sort((a, b) => compareIso(a.key, b.key))
    .map(({ item }) => item);
}

function countSources(facts: readonly FactEvent[]): number {
  return new Set(facts.map((f) => f.metadata.articleId)).size;
}

function distinctBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
