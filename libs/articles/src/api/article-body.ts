import { RequestValidationError, TEXT_BODY_TYPES } from '@dyad/platform';
import { safeParse as parseContentType } from 'fast-content-type-parse';
import type { FastifyRequest } from 'fastify';
import { convert } from 'html-to-text';
import type { ArticleSubmission } from '../domain/article-submission';
import { articleJsonSchema, articleTextQuerySchema } from './article-submission.dto';

export class UnsupportedMediaTypeError extends Error {
  readonly code = 'REQUEST.UNSUPPORTED_MEDIA_TYPE';
  readonly details = { accepted: ['application/json', ...TEXT_BODY_TYPES] };
}

// Any markup in a text is reduced to its words, paragraph by paragraph.
const MARKUP = /<(?:p|br|div|span|a|b|i|em|strong|h[1-6]|ul|ol|li|html|body|article|section|script|style)\b[^>]*>/i;

export function articleSubmissionFrom(request: FastifyRequest): ArticleSubmission {
  const mediaType = parseContentType(request.headers['content-type'] ?? '').type;
  if (mediaType === 'application/json') {
    const parsed = articleJsonSchema.safeParse(request.body);
    if (!parsed.success) throw RequestValidationError.fromZod('body', parsed.error);
    return { ...parsed.data, text: toPlainText(parsed.data.text) };
  }
  if (TEXT_BODY_TYPES.includes(mediaType)) {
    const parsed = articleTextQuerySchema.safeParse(request.query);
    if (!parsed.success) throw RequestValidationError.fromZod('query', parsed.error);
    const body = typeof request.body === 'string' ? request.body : '';
    return { ...parsed.data, text: mediaType === 'text/html' ? htmlToText(body) : toPlainText(body) };
  }
  throw new UnsupportedMediaTypeError(`Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted`);
}

function toPlainText(text: string): string {
  return MARKUP.test(text) ? htmlToText(text) : text;
}

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
    ],
  });
}
