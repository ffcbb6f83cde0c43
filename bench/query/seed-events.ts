import { randomUUID } from 'node:crypto';
import type { NewEvent, StreamAppend } from '@dyad/platform';
import {
  COMMITMENT_CATEGORIES,
  decide,
  evolve,
  initialState,
  relationshipStreamId,
  toDyadId,
  type CandidateFact,
  type IdentifiedCandidate,
  type RelationshipState,
} from '@dyad/relations';
import { toNewEvent } from '../../libs/relations/src/application/relationship-event.mapping';
import { ARTICLE_COUNTRIES } from '../support/article-texts';

// Relationship events as ingestion would have made them, decided by the relationship aggregate
// itself (each dyad's state kept in memory and evolved), without text or extraction. The log is
// interleaved as real arrivals are: a round gives every dyad one article, rounds go forward in
// time. Each dyad's story runs in monthly episodes: a meeting, a commitment that is made, then
// in progress, then fulfilled or suspended, and now and then a tension; about fifteen articles
// report each episode, so most events are corroborations, as in the news.
const MORE_COUNTRIES = ['US', 'RU', 'CN', 'DE', 'JP', 'GB', 'IT', 'ES', 'CA', 'AU', 'ZA', 'SA', 'KR'];
const ARTICLES_PER_EPISODE = 15;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAY_MS = 86_400_000;
const EXTRACTOR = { name: 'bench-seed', version: '1' };

export interface DyadStory {
  readonly dyad: string;
  readonly countries: readonly [string, string];
  state: RelationshipState;
  version: number;
  articles: number;
}

// The first dyads are those the benchmark's article texts are about, so that live articles
// land on dyads that hold a full history.
export function benchDyads(count: number): string[] {
  const codes = [...ARTICLE_COUNTRIES, ...MORE_COUNTRIES];
  const dyads = new Set<string>();
  for (let span = 1; span < codes.length && dyads.size < count; span += 1) {
    for (let i = 0; i + span < codes.length && dyads.size < count; i += 1) dyads.add(toDyadId(codes[i], codes[i + span]));
  }
  if (dyads.size < count) throw new Error(`only ${dyads.size} dyads from ${codes.length} countries`);
  return [...dyads];
}

// Each dyad's story is a sequence of independent cycles of CYCLE_DAYS rounds (two episodes; the
// tension opened in the first is eased in the second, every commitment ends fulfilled or
// broken), so a cycle is decided the same whatever came before. The aggregate decides each
// cycle shape once, on placeholder countries, and every dyad's cycle is that decision with its
// own countries, ids and days: deciding 1,000,000 events one by one against a growing state
// would take longer than the benchmark may.
const CYCLE_DAYS = 2 * ARTICLES_PER_EPISODE;
const SHAPES = COMMITMENT_CATEGORIES.length;
const PLACEHOLDER: readonly [string, string] = ['XA', 'XB'];

export class SeedStories {
  private readonly stories: DyadStory[];
  private readonly shapes = new Map<number, string>();
  private cycleEvents: NewEvent[][][] = [];
  private round = 0;

  constructor(dyads: readonly string[]) {
    this.stories = dyads.map((dyad) => ({ dyad, countries: dyad.split('-') as [string, string], state: initialState(), version: 0, articles: 0 }));
  }

  // One article for every dyad: the appends of one round, each with the version it expects.
  nextRound(): StreamAppend[] {
    const round = this.round;
    this.round += 1;
    const cycle = Math.floor(round / CYCLE_DAYS);
    if (round % CYCLE_DAYS === 0) this.cycleEvents = this.stories.map((story) => this.cycleOf(story, cycle));
    return this.stories.map((story, index) => {
      const events = this.cycleEvents[index][round % CYCLE_DAYS];
      const append = { streamId: relationshipStreamId(story.dyad), expectedVersion: story.version === 0 ? ('no_stream' as const) : story.version, events };
      story.version += events.length;
      return append;
    });
  }

  // The last day any seeded fact happened or was recorded: random asOf/knownAt fall before it.
  lastDay(): Date {
    return new Date(dayOfArticle(this.round));
  }

  private cycleOf(story: DyadStory, cycle: number): NewEvent[][] {
    const shape = this.shapeOf(cycle % SHAPES);
    const ids = new Map<string, string>();
    const shift = (cycle - (cycle % SHAPES)) * CYCLE_DAYS * DAY_MS;
    const json = shape
      .replace(/XA/g, story.countries[0])
      .replace(/XB/g, story.countries[1])
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => ids.get(id) ?? ids.set(id, randomUUID()).get(id) as string)
      .replace(/\d{4}-\d\d-\d\d/g, (day) => isoDay(Date.parse(day) + shift));
    return (JSON.parse(json) as NewEvent[][]).map((events) => events.map((event) => ({ ...event, validAt: new Date(event.validAt as unknown as string) })));
  }

  // The events of one cycle, round by round, as the aggregate decides them on placeholder
  // countries (JSON, for the substitutions).
  private shapeOf(shape: number): string {
    const known = this.shapes.get(shape);
    if (known) return known;
    const story: DyadStory = { dyad: PLACEHOLDER.join('-'), countries: PLACEHOLDER, state: initialState(), version: 0, articles: 0 };
    const rounds = Array.from({ length: CYCLE_DAYS }, (_, day) => articleEvents(story, shape * CYCLE_DAYS + day));
    const json = JSON.stringify(rounds);
    this.shapes.set(shape, json);
    return json;
  }
}

// The decided events of one article of a dyad's story (a story's state is folded as it goes).
export function articleEvents(story: DyadStory, round: number): NewEvent[] {
  const publishedAt = isoDay(dayOfArticle(round));
  const command = {
    type: 'RecordArticleFacts' as const,
    data: {
      articleId: randomUUID(),
      dyad: story.dyad,
      publishedAt,
      facts: candidates(story, round, publishedAt),
      extractor: EXTRACTOR,
      recordedAt: new Date(dayOfArticle(round) + DAY_MS / 2).toISOString(),
    },
  };
  const decided = decide(command, story.state);
  story.state = decided.reduce(evolve, story.state);
  story.articles += 1;
  return decided.map(toNewEvent);
}

export function newStory(dyad: string): DyadStory {
  return { dyad, countries: dyad.split('-') as [string, string], state: initialState(), version: 0, articles: 0 };
}

// Articles come a day apart in each dyad's story; an episode (and its meeting) every 15 days.
function dayOfArticle(round: number): number {
  return FIRST_DAY + round * DAY_MS;
}

function candidates(story: DyadStory, round: number, publishedAt: string): IdentifiedCandidate[] {
  const [a, b] = story.countries;
  const episode = Math.floor(round / ARTICLES_PER_EPISODE);
  const step = round % ARTICLES_PER_EPISODE;
  const meetingDay = isoDay(dayOfArticle(episode * ARTICLES_PER_EPISODE));
  const promisor = episode % 2 === 0 ? a : b;
  const beneficiary = promisor === a ? b : a;
  const category = COMMITMENT_CATEGORIES[episode % COMMITMENT_CATEGORIES.length];
  const common = { dyad: story.dyad, confidence: 0.9, occurredAtSource: 'text' as const };
  const facts: CandidateFact[] = [
    {
      ...common,
      type: 'MeetingHeld' as const,
      date: meetingDay,
      occurredAt: meetingDay,
      participants: [
        { name: `Leader of ${a}`, role: 'president', country: a },
        { name: `Leader of ${b}`, role: 'president', country: b },
      ],
      location: { city: `Capital of ${episode % 2 === 0 ? a : b}`, country: episode % 2 === 0 ? a : b },
      topics: ['trade'],
      evidence: evidence(`The leaders of ${a} and ${b} met.`),
    },
  ];
  const summary = `${category} support from ${promisor} to ${beneficiary}`;
  if (step < 5) {
    facts.push({ ...common, type: 'CommitmentMade', promisor, beneficiary, category, summary, occurredAt: meetingDay, evidence: evidence(`${promisor} pledged ${category}.`) });
  } else {
    const status = step < 10 ? 'in_progress' : episode % 2 === 0 ? 'broken' : 'fulfilled';
    facts.push({ ...common, type: 'CommitmentStatusChanged', promisor, beneficiary, category, status, summary, occurredAt: publishedAt, evidence: evidence(`${promisor}'s ${category} is ${status}.`) });
  }
  if (step % 3 === 0) {
    const subject = `dispute over ${['borders', 'tariffs', 'fishing rights', 'visas', 'airspace'][episode % 5]}`;
    const eased = step > 9 && episode % 2 === 1;
    facts.push(
      eased
        ? { ...common, type: 'TensionEased', scope: 'bilateral' as const, locus: a, subject, occurredAt: publishedAt, evidence: evidence(`The ${subject} eased.`) }
        : { ...common, type: 'TensionReported', scope: 'bilateral' as const, locus: a, subject, severity: 'medium' as const, occurredAt: publishedAt, evidence: evidence(`A ${subject} flared.`) },
    );
  }
  return facts.map((fact) => ({ ...fact, factId: randomUUID(), impliedFactId: randomUUID() }) as IdentifiedCandidate);
}

function evidence(quote: string) {
  return { sentence: 0, start: 0, end: quote.length, quote };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// The guard on the shortcut above: the first cycles of a dyad as seeded must be what the
// aggregate decides for that dyad against its whole history (same events, same links by id).
export function checkSeedAgainstAggregate(dyad: string, rounds: number): void {
  const seeded = new SeedStories([dyad]);
  const story = newStory(dyad);
  const seededIds = new Map<string, number>();
  const decidedIds = new Map<string, number>();
  for (let round = 0; round < rounds; round += 1) {
    const fromSeed = signature(seeded.nextRound()[0].events, seededIds);
    const fromAggregate = signature(articleEvents(story, round), decidedIds);
    if (fromSeed !== fromAggregate) throw new Error(`seeded events differ from the aggregate's on round ${round}: ${fromSeed} vs ${fromAggregate}`);
  }
}

// Ids are compared by the order in which they first appear in the story.
function signature(events: readonly NewEvent[], ids: Map<string, number>): string {
  return JSON.stringify(events.map((event) => ({ ...event, eventId: undefined, metadata: { ...(event.metadata ?? {}), articleId: undefined } })))
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => `#${ids.get(id) ?? ids.set(id, ids.size).get(id)}`);
}
