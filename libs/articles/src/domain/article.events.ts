// Events of the `article-<id>` stream. The article's facts live on the relationship streams;
// the article records which ones it produced so that it can be answered for and retracted.
export const ARTICLE_SCHEMA_VERSION = 1;

export interface FactReference {
  readonly streamId: string;
  readonly eventId: string;
}

export type ArticleIngested = {
  readonly type: 'ArticleIngested';
  readonly data: {
    readonly articleId: string;
    readonly title: string;
    readonly text: string;
    readonly publishedAt: string;
    readonly url: string | null;
    readonly source: string | null;
    readonly language: string;
    readonly contentHash: string;
    readonly extractor: { readonly name: string; readonly version: string };
    readonly facts: readonly FactReference[];
  };
};

export type ArticleRetracted = {
  readonly type: 'ArticleRetracted';
  readonly data: { readonly articleId: string; readonly reason: string };
};

export type ArticleEvent = ArticleIngested | ArticleRetracted;

export function articleStreamId(articleId: string): string {
  return `article-${articleId}`;
}

// The article id follows from the content, so that a retried or concurrent ingestion of the same
// text lands on the same stream and the store's version check refuses the second one.
export function articleIdFromContentHash(sha256Hex: string): string {
  const hex = sha256Hex.slice(0, 32).split('');
  hex[12] = '8'; // RFC 9562 version 8: custom, here derived from a hash
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
