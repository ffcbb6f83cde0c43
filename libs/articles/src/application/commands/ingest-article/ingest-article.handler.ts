import {
  DYAD_CONFIG,
  DyadMetrics,
  EVENT_STORE,
  isCodedError,
  formatLogCheckpoint,
  handleCommand,
  type DyadConfig,
  type EventStore,
  type LogCheckpoint,
  type StoredEvent,
} from '@dyad/platform';
import { EXTRACTOR, type Extractor } from '@dyad/extraction';
import { planArticleFacts, relationshipStreamId, toFactView } from '@dyad/relations';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { acceptArticle } from '../../../domain/article-submission';
import {
  ARTICLE_SCHEMA_VERSION,
  articleIdFromContentHash,
  articleStreamId,
  type ArticleIngested,
} from '../../../domain/article.events';
import { ARTICLE_KEYS, articleKeysOf, type ArticleKeys } from '../../ports/article-keys.port';
import { ArticleFacts } from '../../article-facts';
import { IngestArticleCommand, type IngestedFacts } from './ingest-article.command';

// Ingestion is one transaction: the article's own event, every relationship fact it yields and
// its deduplication keys commit together or not at all.
@CommandHandler(IngestArticleCommand)
export class IngestArticleHandler implements ICommandHandler<IngestArticleCommand, IngestedFacts> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EXTRACTOR) private readonly extractor: Extractor,
    @Inject(ARTICLE_KEYS) private readonly keys: ArticleKeys,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
    private readonly articleFacts: ArticleFacts,
    private readonly metrics: DyadMetrics,
  ) {}

  async execute({ submission }: IngestArticleCommand): Promise<IngestedFacts> {
    try {
      const result = await this.ingest(submission);
      this.metrics.articlesIngested.inc({ outcome: result.duplicate ? 'duplicate' : 'created' });
      return result;
    } catch (error) {
      // A refusal is the article's fault (a 4xx); anything else is Dyad's, or its store's.
      const refused = isCodedError(error) && /^(ARTICLES|EXTRACTION|REQUEST)\./.test(error.code);
      this.metrics.articlesIngested.inc({ outcome: refused ? 'refused' : 'failed' });
      throw error;
    }
  }

  private async ingest(submission: IngestArticleCommand['submission']): Promise<IngestedFacts> {
    const article = acceptArticle(submission, new Date(), this.config.DYAD_MAX_ARTICLE_BYTES);
    const contentHash = createHash('sha256').update(article.text).digest('hex');
    const articleId = articleIdFromContentHash(contentHash);
    const keys = articleKeysOf({ url: article.url, contentHash });

    const known = await this.keys.findArticleId(keys);
    if (known) return this.articleFacts.duplicateOf(known);

    const extraction = await this.metrics.time(
      (seconds) => this.metrics.extractionDuration.observe({ extractor: this.extractor.name }, seconds),
      () =>
        this.extractor.extract({
          text: article.text,
          title: article.title,
          publishedAt: article.publishedAt,
          language: article.language ?? undefined,
        }),
    );
    const dyads = [...new Set(extraction.facts.map((fact) => fact.dyad))].sort();
    const articleStream = articleStreamId(articleId);

    const outcome = await handleCommand<IngestOutcome>(
      this.store,
      [articleStream, ...dyads.map(relationshipStreamId)],
      (streams) => {
        // Another ingestion of the same text committed between our look-up and our read.
        if ((streams.get(articleStream)?.version ?? 0) > 0) {
          return { appends: [], result: () => ({ kind: 'duplicate' }) };
        }
        const recordedAt = new Date().toISOString();
        const relationshipAppends = dyads.map((dyad) => {
          const streamId = relationshipStreamId(dyad);
          const events = planArticleFacts(streams.get(streamId)?.events ?? [], {
            articleId,
            dyad,
            publishedAt: article.publishedAt,
            facts: extraction.facts.filter((fact) => fact.dyad === dyad),
            extractor: this.extractorRef(),
            recordedAt,
          });
          return { streamId, events };
        });
        const ingested: ArticleIngested = {
          type: 'ArticleIngested',
          data: {
            articleId,
            title: article.title,
            text: article.text,
            publishedAt: article.publishedAt,
            url: article.url,
            source: article.source,
            language: extraction.language,
            contentHash,
            extractor: this.extractorRef(),
            facts: relationshipAppends.flatMap(({ streamId, events }) =>
              events.map((event) => ({ streamId, eventId: event.eventId as string })),
            ),
          },
        };
        return {
          appends: [
            {
              streamId: articleStream,
              events: [{ ...ingested, metadata: { schemaVersion: ARTICLE_SCHEMA_VERSION, recordedAt } }],
            },
            ...relationshipAppends,
          ],
          within: async (tx) => {
            // A url taken by a different text in the meantime: the version check did not see it.
            if (!(await this.keys.claim(tx, articleId, keys))) throw new ArticleKeyTaken();
          },
          result: (appended) => ({ kind: 'ingested', events: appended.events, position: appended.lastCheckpoint }),
        };
      },
    ).catch(async (error: unknown) => {
      if (error instanceof ArticleKeyTaken) return { kind: 'duplicate' } as const;
      throw error;
    });

    if (outcome.kind === 'duplicate') {
      const existing = await this.keys.findArticleId(keys);
      return this.articleFacts.duplicateOf(existing ?? articleId);
    }
    return {
      articleId,
      duplicate: false,
      position: outcome.position ? formatLogCheckpoint(outcome.position) : null,
      language: extraction.language,
      events: outcome.events.filter(isRelationshipEvent).map(toFactView),
    };
  }

  private extractorRef(): { name: string; version: string } {
    return { name: this.extractor.name, version: this.extractor.version };
  }
}

type IngestOutcome =
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'ingested'; readonly events: readonly StoredEvent[]; readonly position: LogCheckpoint | null };

class ArticleKeyTaken extends Error {}


function isRelationshipEvent(event: StoredEvent): boolean {
  return event.streamId.startsWith('relationship-');
}
