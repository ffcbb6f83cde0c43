import { compareIso } from './calendar-day';
import { codeFact, meetingVenue } from './event-coding';
import type { CommitmentCategory, CommitmentStatus, Place, Severity, TensionScope } from './facts';

// The cooperation score of a dyad at a point of valid time: the plain sum of the Goldstein
// weights of what had happened by then — each meeting once, each commitment's promise and each
// change of its status, each tension's report and its easing. Repeats from more articles add
// sources, not weight. No decay: the score at an earlier asOf is the score of the record up to
// that day. Delegations are not counted apart from the meeting they came to. Rounded to one
// decimal, as the weights are.
export interface ScoredView {
  readonly meetings: ReadonlyArray<{ readonly day: string; readonly location: Place | null }>;
  readonly commitments: ReadonlyArray<{
    readonly category: CommitmentCategory;
    readonly history: ReadonlyArray<{ readonly status: CommitmentStatus; readonly occurredAt: string }>;
  }>;
  readonly tensions: ReadonlyArray<{
    readonly scope: TensionScope;
    readonly severity: Severity | null;
    readonly reportedAt: string | null;
    readonly easedAt: string | null;
  }>;
}

export function cooperationScore(view: ScoredView, dyadCountries: readonly string[]): number {
  let total = 0;
  eachWeight(view, dyadCountries, (_day, goldstein) => (total += goldstein));
  return round(total);
}

// The score over time: after each day on which something happened, the score up to that day.
export function cooperationTimeline(view: ScoredView, dyadCountries: readonly string[]): Array<{ day: string; score: number }> {
  const weights: Array<{ day: string; goldstein: number }> = [];
  eachWeight(view, dyadCountries, (day, goldstein) => weights.push({ day, goldstein }));
  const points: Array<{ day: string; score: number }> = [];
  let total = 0;
  for (const { day, goldstein } of weights.sort((a, b) => compareIso(a.day, b.day))) {
    total += goldstein;
    if (points[points.length - 1]?.day === day) points[points.length - 1].score = round(total);
    else points.push({ day, score: round(total) });
  }
  return points;
}

// Every view answers with its score: the weights are handed over one by one, not listed.
function eachWeight(view: ScoredView, dyadCountries: readonly string[], add: (day: string, goldstein: number) => void): void {
  for (const meeting of view.meetings) {
    const venue = meetingVenue(meeting.location, dyadCountries);
    add(meeting.day, codeFact({ type: 'MeetingHeld', venue }).goldstein);
  }
  for (const { category, history } of view.commitments) {
    for (const { status, occurredAt } of history) add(occurredAt, codeFact({ type: 'CommitmentStatusChanged', category, status }).goldstein);
  }
  for (const { scope, severity, reportedAt, easedAt } of view.tensions) {
    if (reportedAt !== null) add(reportedAt, codeFact({ type: 'TensionReported', scope, severity }).goldstein);
    if (easedAt !== null) add(easedAt, codeFact({ type: 'TensionEased', scope }).goldstein);
  }
}

function round(score: number): number {
  return Math.round(score * 10) / 10;
}
