import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { DyadConfig } from '../config/config.schema';
import { PinoNestLogger } from '../logging/logger';
import { DyadMetrics } from '../metrics/dyad-metrics';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { assertSafeListen } from '../security/listen-policy';
import { SECURITY_STATUSES } from '../security/security.errors';
import { ApiExceptionFilter, type StatusByCode } from './api-exception.filter';
import { wellFormedJsonReviver } from './well-formed-json';

export interface HttpServerOptions {
  readonly config: DyadConfig;
  readonly logger: Logger;
  readonly statuses: StatusByCode;
}

export async function startHttpServer(rootModule: unknown, options: HttpServerOptions): Promise<INestApplication> {
  const { config, logger } = options;
  assertSafeListen(config);
  const app = await NestFactory.create<NestExpressApplication>(rootModule as never, {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    bufferLogs: true,
    // A failure at start reaches the caller (runMain prints it in one line) instead of exiting here.
    abortOnError: false,
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (request, response) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      // Health probes and metric scrapes would drown the log.
      autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
    }),
  );
  app.use(httpMetricsMiddleware(app.get(DyadMetrics)));
  app.use(helmet());
  // JSON escaping can double the size of a text; the article's own limit is checked on the text itself.
  const bodyLimit = config.DYAD_MAX_ARTICLE_BYTES * 2 + 64 * 1024;
  app.useBodyParser('json', { limit: bodyLimit, strict: true, reviver: wellFormedJsonReviver });
  app.useBodyParser('text', { limit: bodyLimit, type: ['text/plain', 'text/html', 'text/markdown'] });
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
  logger.info({ host: config.HOST, port: config.PORT }, 'Dyad is listening');
  return app;
}
