import { randomUUID } from 'node:crypto';
import dev01 from '../../../../test/fixtures/corpus/dev/dev-01.json';
import dev02 from '../../../../test/fixtures/corpus/dev/dev-02.json';
import dev03 from '../../../../test/fixtures/corpus/dev/dev-03.json';
import dev04 from '../../../../test/fixtures/corpus/dev/dev-04.json';
import dev05 from '../../../../test/fixtures/corpus/dev/dev-05.json';
import dev06 from '../../../../test/fixtures/corpus/dev/dev-06.json';
import dev07 from '../../../../test/fixtures/corpus/dev/dev-07.json';
import dev08 from '../../../../test/fixtures/corpus/dev/dev-08.json';
import dev09 from '../../../../test/fixtures/corpus/dev/dev-09.json';
import dev10 from '../../../../test/fixtures/corpus/dev/dev-10.json';
import dev11 from '../../../../test/fixtures/corpus/dev/dev-11.json';
import dev12 from '../../../../test/fixtures/corpus/dev/dev-12.json';
import seed from '../../../../test/fixtures/corpus/seed/seed-ru-sy.json';
import type { CandidateFact } from '../domain/facts';
import type { IdentifiedCandidate } from '../domain/relationship.commands';

// The annotated corpus as the decider would receive it from a perfect extractor: each gold event
// as a candidate, plus the background a rule-based extractor would also read in the text (old
// meetings and promises recalled, an earlier status restated). Gold says background is not new;
// the decider must make it a corroboration.
export interface GoldState {
  readonly dyad: string;
  readonly meetings: number;
  readonly commitments: ReadonlyArray<{ promisor: string; beneficiary: string; category: string; status: string }>;
  readonly openTensions: number;
}

export interface CorpusArticle {
  readonly id: string;
  readonly publishedAt: string;
  readonly after: readonly string[];
  readonly gold: readonly IdentifiedCandidate[];
  readonly background: readonly IdentifiedCandidate[];
  readonly state: readonly GoldState[];
}

type GoldFile = {
  id: string;
  publishedAt: string;
  after: string[];
  expected: { events: Array<Record<string, unknown>>; state: GoldState[] };
};

const FILES = [seed, dev01, dev02, dev03, dev04, dev05, dev06, dev07, dev08, dev09, dev10, dev11, dev12] as GoldFile[];

// The day each article's events happened, as its text gives it (the notes of each file); the seed
// gives no day, so its facts fall on the publication date.
const EVENT_DAY: Readonly<Record<string, string>> = {
  'dev-01': '2023-09-13',
  'dev-02': '2023-03-10',
  'dev-03': '2024-06-19',
  'dev-04': '2023-06-06',
  'dev-06': '2025-02-28',
  'dev-07': '2023-09-05',
  'dev-08': '2025-03-11',
  'dev-09': '2025-04-28',
  'dev-10': '2025-04-30',
  'dev-11': '2025-07-01',
};

const BACKGROUND: Readonly<Record<string, ReadonlyArray<Record<string, unknown>>>> = {
  // « Neuf mois après la rencontre du cosmodrome de Vostotchny »
  'dev-03': [{ type: 'MeetingHeld', dyad: 'KP-RU', date: null, location: { city: 'Vostochny Cosmodrome', country: 'RU' } }],
  // « l'accord conclu en mars à Pékin … s'étaient promis de rétablir leurs relations »
  'dev-04': [
    { type: 'CommitmentMade', dyad: 'IR-SA', promisor: 'IR', beneficiary: 'SA', category: 'diplomatic_support' },
    { type: 'CommitmentMade', dyad: 'IR-SA', promisor: 'SA', beneficiary: 'IR', category: 'diplomatic_support' },
  ],
  // « L'Iran avait rouvert dès juin son ambassade »; the Beijing deal recalled
  'dev-07': [
    { type: 'CommitmentMade', dyad: 'IR-SA', promisor: 'IR', beneficiary: 'SA', category: 'diplomatic_support' },
    { type: 'CommitmentMade', dyad: 'IR-SA', promisor: 'SA', beneficiary: 'IR', category: 'diplomatic_support' },
    { type: 'CommitmentStatusChanged', dyad: 'IR-SA', promisor: 'IR', beneficiary: 'SA', category: 'diplomatic_support', status: 'fulfilled', occurredAt: '2023-06-01' },
  ],
  // "The treaty, signed during Putin's visit to Pyongyang in June 2024"
  'dev-09': [
    { type: 'MeetingHeld', dyad: 'KP-RU', date: null, location: { city: 'Pyongyang', country: 'KP' } },
    { type: 'CommitmentMade', dyad: 'KP-RU', promisor: 'KP', beneficiary: 'RU', category: 'security', occurredAt: '2024-06-01' },
    { type: 'CommitmentMade', dyad: 'KP-RU', promisor: 'RU', beneficiary: 'KP', category: 'security', occurredAt: '2024-06-01' },
  ],
  // "weapons promised to Ukraine"; "a pause in March that was lifted following talks in Saudi Arabia"
  'dev-11': [
    { type: 'CommitmentMade', dyad: 'UA-US', promisor: 'US', beneficiary: 'UA', category: 'military_cooperation' },
    { type: 'MeetingHeld', dyad: 'UA-US', date: null, location: { city: null, country: 'SA' } },
  ],
};

export const CORPUS: ReadonlyMap<string, CorpusArticle> = new Map(
  FILES.map((file) => [
    file.id,
    {
      id: file.id,
      publishedAt: file.publishedAt,
      after: file.after,
      gold: file.expected.events.map((event) => candidate(event, file, 'text')),
      background: (BACKGROUND[file.id] ?? []).map((event) => candidate(event, file, 'publishedAt')),
      state: file.expected.state,
    },
  ]),
);

function candidate(event: Record<string, unknown>, file: GoldFile, source: 'text' | 'publishedAt'): IdentifiedCandidate {
  const date = event.type === 'MeetingHeld' ? (event.date as string | null) : undefined;
  const given = (event.occurredAt as string | undefined) ?? date ?? (source === 'text' ? EVENT_DAY[file.id] : undefined);
  const occurredAt = given ?? file.publishedAt;
  return {
    participants: [],
    topics: [],
    members: [],
    summary: '',
    subject: '',
    ...event,
    occurredAt,
    occurredAtSource: given ? 'text' : 'publishedAt',
    evidence: { sentence: 0, start: 0, end: 0, quote: `${file.id}` },
    confidence: 1,
    factId: randomUUID(),
    impliedFactId: randomUUID(),
  } as unknown as CandidateFact & { factId: string; impliedFactId: string };
}
