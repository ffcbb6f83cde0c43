import { compareIso, dayOf } from './calendar-day';
import { commitmentIdOf, commitmentsOf } from './commitments';
import { delegationIdOf, delegationsOf } from './delegations';
import type { DyadId } from './dyad-id';
import { meetingIdOf, meetingsOf } from './meetings';
import { isFactEvent, type FactEvent, type RelationshipEvent } from './relationship.events';
import {
  commitmentView,
  delegationView,
  meetingView,
  tensionView,
  viewOf,
  type CommitmentView,
  type DelegationView,
  type MeetingView,
  type RelationshipView,
  type StateAtOptions,
  type TensionView,
} from './relationship-view';
import { writeViewJson } from './relationship-view-json';
import { episodesInOrder, inValidTimeOrder, tensionAssertionOf, tensionKey, toTensionRecord, type TensionAssertion } from './tensions';

type Kind = 'meetings' | 'delegations' | 'commitments' | 'tensions';
type ItemView = MeetingView | DelegationView | CommitmentView | TensionView;

// One meeting, delegation or commitment, or the tensions of one scope and place (their episodes
// are cut from all of its reports and easings together).
interface Item {
  readonly key: string;
  readonly kind: Kind;
  readonly facts: number[]; // indexes into the history's facts, in stream order
  tensionRuns?: TensionRuns; // for the tensions of a scope and place, once asked for
  whole?: readonly ItemView[]; // its views when every one of its facts is visible
}

// The JSON of a view built once, kept on it under a key that JSON.stringify passes over.
const WRITTEN = Symbol('written');
type Written = { [WRITTEN]?: string };

// A key's tension assertions in valid-time order, and the episodes they make as runs of them
// (each episode's view built once). Cut at any time, the runs before the first one not wholly
// visible make the same episodes: only the rest is gone through again.
interface TensionRuns {
  readonly sorted: readonly TensionAssertion[]; // `sequence` is the fact's index in the history
  readonly runs: ReadonlyArray<{ readonly start: number; readonly end: number; readonly view: TensionView }>;
}

// A fact belongs to one item at most: the kinds take facts of different types.
const ITEM_ID_OF: ReadonlyArray<readonly [Kind, (fact: FactEvent) => string | null]> = [
  ['meetings', meetingIdOf],
  ['delegations', delegationIdOf],
  ['commitments', commitmentIdOf],
  ['tensions', tensionKeyOf],
];

// A dyad's stream held to answer views at any asOf and knownAt. A view is made of items, and an
// item whose facts are all visible is the same in every view that shows it whole: it is built
// and written as JSON once. A query folds only the items its times cut through (an episode under
// way at asOf, what was learnt after knownAt). What it answers is what stateAt answers for the
// same stream (property-tested): past views had folded the whole stream on every request.
export class RelationshipHistory {
  private readonly facts: FactEvent[] = [];
  private readonly items: Item[] = [];
  private readonly retractions: Array<{ readonly recordedAt: string; readonly facts: readonly number[] }> = [];
  // Each query tests every fact: its times and article are kept as numbers. A day is its rank
  // among the days the facts give (days compare as strings, as stateAt compares them).
  private readonly days: string[];
  private readonly dayRank: Uint32Array;
  private readonly recordedMs: Float64Array;
  private readonly meetingArticle: Int32Array; // the fact's article among those of meeting facts; -1: not a meeting fact
  private readonly meetingArticles: number;
  private readonly itemOfFact: Int32Array; // -1: a fact of no item
  private readonly itemsByKey = new Map<string, Item>();
  readonly size: number;

  // `earlier`: a history of the first events of these, whose items' views still hold for the
  // items no later event changed.
  constructor(
    readonly dyad: DyadId,
    private readonly events: readonly RelationshipEvent[],
    earlier?: RelationshipHistory,
  ) {
    this.size = events.length;
    const itemIndexes = new Map<string, number>();
    const factsById = new Map<string, number[]>();
    const itemOfFact: number[] = [];
    for (const event of events) {
      if (!isFactEvent(event)) continue;
      const index = this.facts.push(event) - 1;
      listIn(factsById, event.data.factId).push(index);
      itemOfFact.push(-1);
      for (const [kind, idOf] of ITEM_ID_OF) {
        const id = idOf(event);
        if (id === null) continue;
        const key = `${kind}:${id}`;
        const item = itemIndexes.get(key) ?? itemIndexes.set(key, this.items.push({ key, kind, facts: [] }) - 1).get(key)!;
        this.items[item].facts.push(index);
        itemOfFact[index] = item;
        break;
      }
    }
    this.itemOfFact = Int32Array.from(itemOfFact);
    for (const event of events) {
      if (event.type === 'FactRetracted') this.retractions.push({ recordedAt: event.metadata.recordedAt, facts: factsById.get(event.data.factId) ?? [] });
    }
    this.days = [...new Set(this.facts.map((fact) => fact.metadata.occurredAt))].sort(compareIso);
    const rankOfDay = new Map(this.days.map((day, rank) => [day, rank]));
    this.dayRank = Uint32Array.from(this.facts, (fact) => rankOfDay.get(fact.metadata.occurredAt)!);
    this.recordedMs = Float64Array.from(this.facts, (fact) => Date.parse(fact.metadata.recordedAt));
    const articles = new Map<string, number>();
    this.meetingArticle = Int32Array.from(this.facts, (fact) => {
      if (meetingIdOf(fact) === null) return -1;
      const { articleId } = fact.metadata;
      return articles.get(articleId) ?? articles.set(articleId, articles.size).get(articleId)!;
    });
    this.meetingArticles = articles.size;
    for (const item of this.items) {
      this.itemsByKey.set(item.key, item);
      const before = earlier?.itemsByKey.get(item.key);
      if (before?.facts.length !== item.facts.length) continue;
      item.whole = before.whole;
      item.tensionRuns = before.tensionRuns;
    }
  }

  // This history with the events that followed, which leave most items as they were.
  extendedWith(events: readonly RelationshipEvent[]): RelationshipHistory {
    return events.length === 0 ? this : new RelationshipHistory(this.dyad, [...this.events, ...events], this);
  }

  // DESIGN §5, as stateAt: the facts recorded by knownAt, occurring by asOf's day, not retracted
  // by knownAt.
  viewAt(options: StateAtOptions): RelationshipView {
    // As atOrBefore(knownAt): instants written alike order as strings, and as the times they parse to.
    const knownMs = options.knownAt.getTime();
    const daysShown = sortedIndex(this.days, dayOf(options.asOf));
    const retracted = new Uint8Array(this.facts.length);
    for (const retraction of this.retractions) if (Date.parse(retraction.recordedAt) <= knownMs) for (const fact of retraction.facts) retracted[fact] = 1;
    const visible = new Uint8Array(this.facts.length);
    const visibleFactsOfItem = new Uint32Array(this.items.length);
    const itemsInOrder: number[] = []; // by their first visible fact, as stateAt lists them
    const meetingArticleSeen = new Uint8Array(this.meetingArticles);
    let meetingSources = 0;
    for (let index = 0; index < this.facts.length; index += 1) {
      if (this.dayRank[index] >= daysShown || !(this.recordedMs[index] <= knownMs) || retracted[index] === 1) continue;
      visible[index] = 1;
      const item = this.itemOfFact[index];
      if (item >= 0 && visibleFactsOfItem[item]++ === 0) itemsInOrder.push(item);
      const article = this.meetingArticle[index];
      if (article >= 0 && meetingArticleSeen[article] === 0) {
        meetingArticleSeen[article] = 1;
        meetingSources += 1;
      }
    }
    const views: Record<Kind, ItemView[]> = { meetings: [], delegations: [], commitments: [], tensions: [] };
    for (const index of itemsInOrder) {
      const item = this.items[index];
      const whole = visibleFactsOfItem[index] === item.facts.length;
      views[item.kind].push(...(whole ? this.wholeViews(item) : this.viewsOf(item, (fact) => visible[fact] === 1)));
    }
    return viewOf(options, {
      meetings: views.meetings as MeetingView[],
      meetingSources,
      delegations: views.delegations as DelegationView[],
      commitments: views.commitments as CommitmentView[],
      tensions: views.tensions as TensionView[],
    });
  }

  // The view as the JSON text JSON.stringify would give.
  viewJsonAt(options: StateAtOptions): string {
    return writeViewJson(this.viewAt(options), (item) => (item as Written)[WRITTEN] ?? JSON.stringify(item));
  }

  private wholeViews(item: Item): readonly ItemView[] {
    if (!item.whole) {
      item.whole = this.viewsOf(item, () => true);
      for (const view of item.whole) (view as Written)[WRITTEN] ??= JSON.stringify(view);
    }
    return item.whole;
  }

  private viewsOf(item: Item, isVisible: (fact: number) => boolean): ItemView[] {
    if (item.kind === 'tensions') return this.tensionViews(item, isVisible);
    const facts = item.facts.filter(isVisible).map((fact) => this.facts[fact]);
    if (item.kind === 'meetings') return meetingsOf(facts).map(meetingView);
    if (item.kind === 'delegations') return delegationsOf(facts).map(delegationView);
    return commitmentsOf(facts).map(commitmentView);
  }

  private tensionViews(item: Item, isVisible: (fact: number) => boolean): TensionView[] {
    const { sorted, runs } = (item.tensionRuns ??= this.tensionRunsOf(item));
    const wholly = (run: { start: number; end: number }) => sorted.slice(run.start, run.end).every((assertion) => isVisible(assertion.sequence));
    let whole = 0;
    while (whole < runs.length && wholly(runs[whole])) whole += 1;
    const views = runs.slice(0, whole).map((run) => run.view);
    if (whole === runs.length) return views;
    const rest = sorted.slice(runs[whole].start).filter((assertion) => isVisible(assertion.sequence));
    const before = whole > 0 ? sorted.slice(runs[whole - 1].start, runs[whole - 1].end) : null;
    const episodes = episodesInOrder(rest, before);
    const continued = before === null ? null : episodes.shift()!;
    if (continued && continued.length > before!.length) views[whole - 1] = tensionView(toTensionRecord(continued));
    return [...views, ...episodes.map((episode) => tensionView(toTensionRecord(episode)))];
  }

  private tensionRunsOf(item: Item): TensionRuns {
    const sorted = inValidTimeOrder(item.facts.map((fact) => tensionAssertionOf(this.facts[fact], fact)!));
    let start = 0;
    const runs = episodesInOrder(sorted).map((episode) => {
      const view = tensionView(toTensionRecord(episode));
      (view as Written)[WRITTEN] = JSON.stringify(view);
      start += episode.length;
      return { start: start - episode.length, end: start, view };
    });
    return { sorted, runs };
  }
}

function tensionKeyOf(fact: FactEvent): string | null {
  const assertion = tensionAssertionOf(fact, 0);
  return assertion && tensionKey(assertion.scope, assertion.locus);
}

// How many of the sorted days are at or before `day`.
function sortedIndex(days: readonly string[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle] <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

function listIn<T>(lists: Map<string, T[]>, key: string): T[] {
  return lists.get(key) ?? lists.set(key, []).get(key)!;
}
