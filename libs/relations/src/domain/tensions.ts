import { compareIso } from './calendar-day';
import type { CountryCode, Severity, TensionScope } from './facts';
import { groupBy } from './group-by';
import type { FactEvent } from './relationship.events';

// One report that a tension was felt, or that it eased, on a day of valid time.
export interface TensionAssertion {
  readonly kind: 'report' | 'ease';
  readonly factId: string;
  readonly tensionId: string; // the tension the decider placed it in when it was recorded
  readonly scope: TensionScope;
  readonly locus: CountryCode;
  readonly subject: string;
  readonly severity: Severity | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly sequence: number; // place in the stream, to order what was recorded in one append
  readonly articleId: string;
}

// A tension is an episode: from the first report to the easing that closes it.
export interface TensionRecord {
  readonly id: string;
  readonly scope: TensionScope;
  readonly locus: CountryCode;
  readonly subject: string;
  readonly severity: Severity | null;
  readonly status: 'open' | 'eased';
  readonly reportedAt: string | null; // null: known only from its easing
  readonly easedAt: string | null;
  readonly reports: readonly TensionAssertion[];
  readonly easings: readonly TensionAssertion[];
}

export function tensionAssertionsOf(facts: readonly FactEvent[]): TensionAssertion[] {
  return facts.flatMap((fact, sequence) => {
    const assertion = tensionAssertionOf(fact, sequence);
    return assertion ? [assertion] : [];
  });
}

// Episodes are rebuilt from every report and easing in valid-time order, so that the answer does
// not depend on the order articles arrived in: a report opens a tension unless one is open, an
// easing closes the open one, and an easing with nothing open repeats the last easing (or, with
// no earlier tension at all, records one known only as eased — corpus dev-02). On one day a
// report comes before an easing.
export function tensionEpisodes(assertions: readonly TensionAssertion[]): TensionRecord[] {
  const byKey = groupBy(assertions, (assertion) => tensionKey(assertion.scope, assertion.locus));
  return [...byKey.values()].flatMap((sameKey) => episodesInOrder(inValidTimeOrder(sameKey))).map(toTensionRecord);
}

export function inValidTimeOrder(assertions: readonly TensionAssertion[]): TensionAssertion[] {
  return [...assertions].sort(byValidTime);
}

// The episodes of one key's assertions, given in valid-time order. Each episode is a run of them:
// an assertion joins the latest episode or opens the next, and an episode followed by another
// ended with an easing. `after`: the episode that the assertions follow (a copy of it comes
// first in the answer, with any easing that repeats it).
export function episodesInOrder(sorted: readonly TensionAssertion[], after: readonly TensionAssertion[] | null = null): TensionAssertion[][] {
  let open: TensionAssertion[] | null = null;
  let last: TensionAssertion[] | null = after && [...after];
  const episodes: TensionAssertion[][] = last ? [last] : [];
  for (const assertion of sorted) {
    if (assertion.kind === 'report') {
      if (open === null) {
        open = [];
        last = open;
        episodes.push(open);
      }
      open.push(assertion);
    } else if (open !== null) {
      open.push(assertion);
      open = null;
    } else if (last !== null) {
      last.push(assertion);
    } else {
      last = [assertion];
      episodes.push(last);
    }
  }
  return episodes;
}

export function tensionsOf(facts: readonly FactEvent[]): TensionRecord[] {
  return tensionEpisodes(tensionAssertionsOf(facts));
}

// Bilateral tensions are keyed on the pair alone: within a dyad there is one bilateral climate,
// and which side is "aggrieved" is the least reliable part of an extraction (the corpus does not
// match it either). Domestic and regional tensions are keyed on where they are felt.
export function tensionKey(scope: TensionScope, locus: CountryCode): string {
  return scope === 'bilateral' ? scope : `${scope}:${locus}`;
}

export function toTensionRecord(episode: readonly TensionAssertion[]): TensionRecord {
  const reports = episode.filter((a) => a.kind === 'report');
  const easings = episode.filter((a) => a.kind === 'ease');
  // The id is the one the first recorded assertion was given, so it stays put as knowledge grows.
  const founder = episode.reduce((earliest, a) => (compareIso(a.recordedAt, earliest.recordedAt) || a.sequence - earliest.sequence) < 0 ? a : earliest);
  const first = reports[0] ?? easings[0];
  return {
    id: founder.tensionId,
    scope: first.scope,
    locus: first.locus,
    subject: first.subject,
    severity: reports.find((r) => r.severity !== null)?.severity ?? null,
    status: episode[episode.length - 1].kind === 'ease' ? 'eased' : 'open',
    reportedAt: reports[0]?.occurredAt ?? null,
    easedAt: easings[0]?.occurredAt ?? null,
    reports,
    easings,
  };
}

function byValidTime(a: TensionAssertion, b: TensionAssertion): number {
  return (
    compareIso(a.occurredAt, b.occurredAt) ||
    (a.kind === b.kind ? 0 : a.kind === 'report' ? -1 : 1) ||
    compareIso(a.recordedAt, b.recordedAt)
  );
}

// `sequence`: the fact's place among the facts read together. Null for facts of other kinds.
export function tensionAssertionOf(fact: FactEvent, sequence: number): TensionAssertion | null {
  const at = {
    factId: fact.data.factId,
    occurredAt: fact.metadata.occurredAt,
    recordedAt: fact.metadata.recordedAt,
    sequence,
    articleId: fact.metadata.articleId,
  };
  if (fact.type === 'TensionReported') return { kind: 'report', ...fields(fact.data), severity: fact.data.severity, ...at };
  if (fact.type === 'TensionEased') return { kind: 'ease', ...fields(fact.data), severity: null, ...at };
  if (fact.type !== 'FactCorroborated') return null;
  const data = fact.data;
  if (data.factType === 'TensionReported') return { kind: 'report', ...fields(data), severity: data.severity, ...at };
  if (data.factType === 'TensionEased') return { kind: 'ease', ...fields(data), severity: null, ...at };
  return null;
}

type TensionFields = { tensionId: string; scope: TensionScope; locus: CountryCode; subject: string };

function fields(d: TensionFields): TensionFields {
  return { tensionId: d.tensionId, scope: d.scope, locus: d.locus, subject: d.subject };
}
