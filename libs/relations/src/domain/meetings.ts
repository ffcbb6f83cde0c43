import { daysBetween, minDay } from './calendar-day';
import type { Participant, Place } from './facts';
import { groupBy } from './group-by';
import { namesAgree, nameKey } from './name-key';
import type { FactEvent, MeetingCorroborated, MeetingHeld } from './relationship.events';

export type MeetingAssertion = MeetingHeld | MeetingCorroborated;

export interface MeetingRecord {
  readonly id: string;
  readonly date: string | null; // the earliest day any source gives
  readonly day: string; // date, else the earliest day a source placed it on
  readonly location: Place | null;
  // An undated meeting happened before the first article that reported it was published.
  readonly recallAnchor: string;
  readonly assertions: readonly MeetingAssertion[];
}

// Meetings are grouped by the id the decider gave them; a meeting whose first report was
// retracted lives on through its corroborations.
export function meetingsOf(facts: readonly FactEvent[]): MeetingRecord[] {
  const groups = groupBy<FactEvent, MeetingAssertion>(facts, meetingIdOf);
  return [...groups].map(([id, assertions]) => toRecord(id, assertions));
}

// The meeting a fact reports; null for facts of other kinds.
export function meetingIdOf(fact: FactEvent): string | null {
  return fact.type === 'MeetingHeld' ? fact.data.factId : fact.type === 'MeetingCorroborated' ? fact.data.meetingId : null;
}

export interface MeetingCandidate {
  readonly date: string | null;
  readonly location: Place | null;
  readonly publishedAt: string;
}

// Same meeting (DESIGN §4: dyad + date ±1 day + location):
// - two dated reports on the same day are one meeting whatever the venue (two sessions, one day);
//   a day apart they must agree on the place (an unknown place agrees);
// - an undated report recalls a meeting at the same known place held within the year before
//   it was published, the nearest one. The year is what lets a background mention ("nine months
//   after the Vostochny meeting") corroborate instead of counting twice; the price is that a new
//   undated meeting at a place the pair met at that year is taken for the earlier one.
export function findMeeting(meetings: readonly MeetingRecord[], candidate: MeetingCandidate): MeetingRecord | undefined {
  let best: { meeting: MeetingRecord; distance: number } | undefined;
  for (const meeting of meetings) {
    const distance = meetingDistance(meeting, candidate);
    if (distance !== null && (best === undefined || distance < best.distance)) best = { meeting, distance };
  }
  return best?.meeting;
}

const SAME_MEETING_DAYS = 1;
const RECALL_DAYS = 366;

function meetingDistance(meeting: MeetingRecord, candidate: MeetingCandidate): number | null {
  if (meeting.date !== null && candidate.date !== null) {
    const apart = Math.abs(daysBetween(meeting.date, candidate.date));
    if (apart === 0) return 0;
    return apart <= SAME_MEETING_DAYS && placesAgree(meeting.location, candidate.location, false) ? apart : null;
  }
  if (!placesAgree(meeting.location, candidate.location, true)) return null;
  const before =
    meeting.date === null && candidate.date === null
      ? Math.abs(daysBetween(meeting.recallAnchor, candidate.publishedAt))
      : candidate.date === null
        ? daysBetween(meeting.day, candidate.publishedAt)
        : daysBetween(candidate.date, meeting.recallAnchor);
  return before >= -SAME_MEETING_DAYS && before <= RECALL_DAYS ? before + SAME_MEETING_DAYS : null;
}

// `strict`: both places must be known (an undated recall needs a place to hold on to).
function placesAgree(a: Place | null, b: Place | null, strict: boolean): boolean {
  if (a === null || b === null) return !strict;
  if (a.country !== null && b.country !== null && a.country !== b.country) return false;
  if (a.city !== null && b.city !== null) return namesAgree(a.city, b.city);
  if (!strict) return true;
  return a.country !== null && a.country === b.country;
}

function toRecord(id: string, assertions: readonly MeetingAssertion[]): MeetingRecord {
  const date = minDay(assertions.flatMap((fact) => (fact.data.date === null ? [] : [fact.data.date])));
  const day = date ?? minDay(assertions.map((fact) => fact.metadata.occurredAt)) ?? '';
  const located = assertions.map((fact) => fact.data.location).filter((place) => place !== null);
  const location = located.find((place) => place.city !== null) ?? located[0] ?? null;
  const recallAnchor = minDay(assertions.map((fact) => fact.metadata.publishedAt)) ?? day;
  return { id, date, day, location, recallAnchor, assertions };
}

// Who took part and what was discussed, from every source, each name once.
export function meetingDetails(meeting: MeetingRecord): { participants: Participant[]; topics: string[] } {
  const participants = new Map<string, Participant>();
  const topics = new Map<string, string>();
  for (const fact of meeting.assertions) {
    for (const participant of fact.data.participants) {
      const key = nameKey(participant.name);
      if (!participants.has(key)) participants.set(key, participant);
    }
    for (const topic of fact.data.topics) if (!topics.has(nameKey(topic))) topics.set(nameKey(topic), topic);
  }
  return { participants: [...participants.values()], topics: [...topics.values()] };
}
