import type { FastifyInstance } from 'fastify';
import { wellFormedJsonReviver } from './well-formed-json';

// The text types a body may come as, read as a string; an article accepts each of them.
export const TEXT_BODY_TYPES: readonly string[] = ['text/plain', 'text/html', 'text/markdown'];

// JSON bodies and text bodies. A body of any other type is read and discarded, and the route's
// validation answers for it (415 where the route names what it accepts, 400 where its body is
// required).
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string, wellFormedJsonReviver));
    } catch (error) {
      done(malformed(`The body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });
  fastify.addContentTypeParser([...TEXT_BODY_TYPES], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
}

// The shape of an HTTP client error, which the adapter turns into a 400 for the exception filter.
function malformed(message: string): Error {
  return Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true });
}
