import { ArticleError } from './article.errors';

export interface ArticleSubmission {
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string;
  readonly url?: string;
  readonly language?: string;
  readonly source?: string;
}

export interface AcceptedArticle {
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string; // YYYY-MM-DD of publication, the anchor of relative dates
  readonly publishedAtInstant: Date;
  readonly url: string | null;
  readonly language: string | null;
  readonly source: string | null;
}

// C0 controls other than tab, line feed and carriage return, and U+FFFD (what a decoder leaves
// of invalid UTF-8), mean the body was not text.
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/u;

export function acceptArticle(submission: ArticleSubmission, now: Date, maxBytes: number): AcceptedArticle {
  const size = Buffer.byteLength(submission.text, 'utf8');
  if (size > maxBytes) {
    throw new ArticleError('ARTICLES.TOO_LARGE', `Article text is ${size} bytes; the limit is ${maxBytes}`, {
      size,
      limit: maxBytes,
    });
  }
  if (NOT_TEXT.test(submission.text) || NOT_TEXT.test(submission.title) || NOT_TEXT.test(submission.source ?? '')) {
    throw new ArticleError('ARTICLES.BINARY_TEXT', 'Article is not valid UTF-8 text');
  }
  const text = normaliseText(submission.text);
  if (text.length === 0) throw new ArticleError('ARTICLES.EMPTY_TEXT', 'Article text is empty');
  const title = normaliseLine(submission.title);
  if (title.length === 0) throw new ArticleError('ARTICLES.EMPTY_TITLE', 'Article title is empty');
  const publishedAtInstant = parsePublishedAt(submission.publishedAt);
  if (publishedAtInstant.getTime() > now.getTime()) {
    throw new ArticleError('ARTICLES.PUBLISHED_IN_FUTURE', 'publishedAt is in the future', {
      publishedAt: submission.publishedAt,
    });
  }
  return {
    title,
    text,
    publishedAt: publishedAtInstant.toISOString().slice(0, 10),
    publishedAtInstant,
    url: submission.url ? normaliseUrl(submission.url) : null,
    language: submission.language ?? null,
    source: submission.source?.trim() || null,
  };
}

// Paragraph breaks carry meaning for sentence splitting; runs of spaces and trailing blanks do not.
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(normaliseLine)
    .filter((line) => line.length > 0)
    .join('\n');
}

function normaliseLine(line: string): string {
  return line.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parsePublishedAt(value: string): Date {
  const instant = ISO_DATE.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null;
  // Date parsing rolls 2025-02-30 over to March: a real day reads back unchanged.
  const realDay = instant && !Number.isNaN(instant.getTime()) && new Date(`${value.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(value.slice(0, 10));
  if (!instant || !realDay) {
    throw new ArticleError('ARTICLES.INVALID_PUBLISHED_AT', 'publishedAt must be an ISO 8601 date or date-time', {
      publishedAt: value,
    });
  }
  return instant;
}

// Two spellings of one address (case of the host, a trailing slash, a fragment) are one article.
function normaliseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ArticleError('ARTICLES.INVALID_URL', 'url must be an absolute http(s) URL', { url: value });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ArticleError('ARTICLES.INVALID_URL', 'url must be an absolute http(s) URL', { url: value });
  }
  url.hash = '';
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
}
