import { codeFact, meetingVenue } from './event-coding';
import type { CommitmentCategory, CommitmentStatus, Place, Severity, TensionScope } from './facts';

// The cooperation score of a dyad at a point of valid time: the plain sum of the Goldstein
// weights of what had happened by then — each meeting once, each commitment's promise and each
// change of its status, each tension's report and its easing. Repeats from more articles add
// sources, not weight. No decay: the score at an earlier asOf is the score of the record up to
// that day, so a series over time is the view taken at successive asOf. Delegations are not
// counted apart from the meeting they came to. Rounded to one decimal, as the weights are.
export function cooperationScore(
  view: {
    readonly meetings: ReadonlyArray<{ readonly location: Place | null }>;
    readonly commitments: ReadonlyArray<{
      readonly category: CommitmentCategory;
      readonly history: ReadonlyArray<{ readonly status: CommitmentStatus }>;
    }>;
    readonly tensions: ReadonlyArray<{
      readonly scope: TensionScope;
      readonly severity: Severity | null;
      readonly reportedAt: string | null;
      readonly easedAt: string | null;
    }>;
  },
  dyadCountries: readonly string[],
): number {
  let total = 0;
  for (const meeting of view.meetings) {
    total += codeFact({ type: 'MeetingHeld', venue: meetingVenue(meeting.location, dyadCountries) }).goldstein;
  }
  for (const commitment of view.commitments) {
    for (const { status } of commitment.history) {
      total += codeFact({ type: 'CommitmentStatusChanged', category: commitment.category, status }).goldstein;
    }
  }
  for (const tension of view.tensions) {
    if (tension.reportedAt !== null) {
      total += codeFact({ type: 'TensionReported', scope: tension.scope, severity: tension.severity }).goldstein;
    }
    if (tension.easedAt !== null) total += codeFact({ type: 'TensionEased', scope: tension.scope }).goldstein;
  }
  return Math.round(total * 10) / 10;
}
