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
import { tensionAssertionOf, tensionEpisodes, tensionKey, type TensionAssertion } from './tensions';

type Kind = 'meetings' | 'delegations' | 'commitments' | 'tensions';
type ItemView = MeetingView | DelegationView | CommitmentView | TensionView;

// One meeting, delegation or commitment, or the tensions of one scope and place (their episodes
// are cut from all of its reports and easings together).
interface Item {
  readonly kind: Kind;
  readonly facts: number[]; // indexes into the history's facts, in stream order
  tensionAssertions?: TensionAssertion[]; // of those facts, once asked for
  whole?: readonly ItemView[]; // its views when every one of its facts is visible
}

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
  private readonly itemsOfFact: number[][] = [];
  private readonly items: Item[] = [];
  private readonly retractions: Array<{ readonly recordedAt: string; readonly facts: readonly number[] }> = [];
  private readonly written = new WeakMap<object, string>();
  // Each query tests every fact: its times and article are kept as numbers. A day is its rank
  // among the days the facts give (days compare as strings, as stateAt compares them).
  private readonly days: string[];
  private readonly dayRank: Uint32Array;
  private readonly recordedMs: Float64Array;
  private readonly meetingArticle: Int32Array; // the fact's article among those of meeting facts; -1: not a meeting fact
  private readonly meetingArticles: number;
  readonly size: number;

  constructor(
    readonly dyad: DyadId,
    events: readonly RelationshipEvent[],
  ) {
    this.size = events.length;
    const itemIndexes = new Map<string, number>();
    const factsById = new Map<string, number[]>();
    for (const event of events) {
      if (!isFactEvent(event)) continue;
      const index = this.facts.push(event) - 1;
      listIn(factsById, event.data.factId).push(index);
      const itemsOfFact: number[] = [];
      for (const [kind, idOf] of ITEM_ID_OF) {
        const id = idOf(event);
        if (id === null) continue;
        const key = `${kind}:${id}`;
        const item = itemIndexes.get(key) ?? itemIndexes.set(key, this.items.push({ kind, facts: [] }) - 1).get(key)!;
        this.items[item].facts.push(index);
        itemsOfFact.push(item);
      }
      this.itemsOfFact.push(itemsOfFact);
    }
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
      for (const item of this.itemsOfFact[index]) if (visibleFactsOfItem[item]++ === 0) itemsInOrder.push(item);
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
    return writeViewJson(this.viewAt(options), (item) => this.written.get(item) ?? JSON.stringify(item));
  }

  private wholeViews(item: Item): readonly ItemView[] {
    if (!item.whole) {
      item.whole = this.viewsOf(item, () => true);
      for (const view of item.whole) this.written.set(view, JSON.stringify(view));
    }
    return item.whole;
  }

  private viewsOf(item: Item, isVisible: (fact: number) => boolean): ItemView[] {
    if (item.kind === 'tensions') {
      item.tensionAssertions ??= item.facts.map((fact) => tensionAssertionOf(this.facts[fact], fact)!);
      return tensionEpisodes(item.tensionAssertions.filter((_, at) => isVisible(item.facts[at]))).map(tensionView);
    }
    const facts = item.facts.filter(isVisible).map((fact) => this.facts[fact]);
    if (item.kind === 'meetings') return meetingsOf(facts).map(meetingView);
    if (item.kind === 'delegations') return delegationsOf(facts).map(delegationView);
    return commitmentsOf(facts).map(commitmentView);
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
