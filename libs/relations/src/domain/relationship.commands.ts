import type { CandidateFact } from './facts';
import type { ExtractorRef } from './relationship.events';

// A candidate with the ids its events will carry (the decider makes no ids). `impliedFactId` is
// used only when a status report names a commitment not known yet: that commitment is then
// recorded as made, under this id, before its status change.
export type IdentifiedCandidate = CandidateFact & {
  readonly factId: string;
  readonly impliedFactId: string;
};

export type RecordArticleFacts = Readonly<{
  type: 'RecordArticleFacts';
  data: Readonly<{
    articleId: string;
    dyad: string;
    publishedAt: string; // YYYY-MM-DD: bounds what an undated recall can refer to
    facts: readonly IdentifiedCandidate[];
    extractor: ExtractorRef;
    recordedAt: string; // ISO instant, the handler's clock
  }>;
}>;

// An analyst's correction of one fact event.
export type RetractFact = Readonly<{
  type: 'RetractFact';
  data: Readonly<{ factId: string; reason: string; retractedAt: string }>;
}>;

// The article was withdrawn: every fact it asserted goes; what other articles also assert stays.
export type RetractArticle = Readonly<{
  type: 'RetractArticle';
  data: Readonly<{ articleId: string; reason: string; retractedAt: string }>;
}>;

export type RelationshipCommand = RecordArticleFacts | RetractFact | RetractArticle;
