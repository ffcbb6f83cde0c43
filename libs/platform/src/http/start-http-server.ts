import helmet from '@fastify/helmet';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import type { DyadConfig } from '../config/config.schema';
import { PinoNestLogger } from '../logging/logger';
import { DyadMetrics } from '../metrics/dyad-metrics';
import { recordHttpMetrics } from '../metrics/http-metrics.hook';
import { assertSafeListen } from '../security/listen-policy';
import { SECURITY_STATUSES } from '../security/security.errors';
import { ApiExceptionFilter, type StatusByCode } from './api-exception.filter';
import { registerBodyParsers } from './body-parsers';
import { RequestLog, requestIdOf } from './request-log';

export interface HttpServerOptions {
  readonly config: DyadConfig;
  readonly logger: Logger;
  readonly statuses: StatusByCode;
}

// Fastify under Nest: its per-request cost is a fraction of Express's, which is most of what a
// read of a stored view costs.
export async function startHttpServer(rootModule: unknown, options: HttpServerOptions): Promise<INestApplication> {
  const { config, logger } = options;
  assertSafeListen(config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLog(),
    requestIdHeader: false,
    genReqId: requestIdOf,
    // JSON escaping can double the size of a text; the article's own limit is checked on the text itself.
    bodyLimit: config.DYAD_MAX_ARTICLE_BYTES * 2 + 64 * 1024,
    // A dyad or an id that is too long is refused by its validation (400), not by the router (404).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1_000 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule as never, adapter, {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    bufferLogs: true,
    // A failure at start reaches the caller (runMain prints it in one line) instead of exiting here.
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(DyadMetrics);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => recordHttpMetrics(metrics, request, reply));
  registerBodyParsers(fastify);
  await app.register(helmet);
  app.useGlobalFilters(new ApiExceptionFilter({ ...SECURITY_STATUSES, ...options.statuses }));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dyad')
      .setDescription('Bilateral relations between countries, tracked from the news as events.')
      .setVersion('1')
      // A key goes in Authorization: Bearer (or x-api-key) when DYAD_API_KEYS is set.
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  await app.listen(config.PORT, config.HOST);
  return app;
}
