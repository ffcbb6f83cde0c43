import { z } from 'zod';
import { ApiKeyListError, parseApiKeys } from '../security/api-keys';

// Every setting Dyad reads, validated once at start. `process.env` is read nowhere else.
const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be a postgres:// or postgresql:// URL');

const brokerList = z
  .string()
  .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
  .refine(
    (brokers) => brokers.length > 0 && brokers.every((broker) => /^[\w.-]+:\d{1,5}$/.test(broker)),
    'must be a comma-separated list of host:port',
  );

// Checked here so that a malformed list stops Dyad at start; the guard parses it again.
const apiKeyList = z.string().superRefine((value, context) => {
  try {
    parseApiKeys(value);
  } catch (error) {
    if (!(error instanceof ApiKeyListError)) throw error;
    context.addIssue({ code: 'custom', message: error.message });
  }
});

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: postgresUrl.optional(),
  KAFKA_BROKERS: brokerList.optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default('dyad'),
  // Prefix of Dyad's topic and consumer group names, for several Dyads on one cluster.
  KAFKA_NAMESPACE: z.string().regex(/^[\w.-]*$/, 'may hold letters, digits, ".", "_" and "-" only').default(''),
  DYAD_DATA_DIR: z.string().min(1).default('./data'),
  DYAD_API_KEYS: apiKeyList.optional(),
  // Requests per minute: per key for callers with a valid key, per address for the others; 0 is no limit.
  DYAD_RATE_LIMIT_PER_KEY: z.coerce.number().int().min(0).default(1_200),
  DYAD_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(1_200),
  // A worker's own /metrics (it has no API), on HOST; unset: none.
  DYAD_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // The key `dyad ingest --api` sends to a remote Dyad.
  DYAD_API_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DYAD_MAX_ARTICLE_BYTES: z.coerce.number().int().positive().default(1_048_576),
  DYAD_EXTRACTOR: z.enum(['rules', 'llm']).default('rules'),
  LLM_BASE_URL: z.url().optional(),
  LLM_MODEL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  DYAD_WEBHOOK_ALLOW_PRIVATE: flag.default(false),
  // SSE: a comment this often keeps proxies from closing an idle stream.
  DYAD_SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
  // Webhooks: one attempt's deadline (connect to end of the answer's headers), the number of
  // tries before dead-letter, and the backoff between tries (doubling from the base, capped).
  DYAD_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DYAD_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  DYAD_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(5_000),
  DYAD_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
  DYAD_READ_WAIT_MS: z.coerce.number().int().positive().default(5_000),
  // Events of the streams that commands read, kept in memory so that only newer ones are read
  // again (least recently read streams go first); 0 turns the cache off.
  DYAD_STREAM_CACHE_EVENTS: z.coerce.number().int().min(0).default(200_000),
  // Current relationship views kept in memory by an API process, in megabytes; 0 turns it off.
  DYAD_VIEW_CACHE_MB: z.coerce.number().int().min(0).default(64),
  // Events of the dyads whose past views (asOf/knownAt) an API process keeps ready to answer; 0
  // turns it off.
  DYAD_HISTORY_CACHE_EVENTS: z.coerce.number().int().min(0).default(200_000),
}).refine((config) => config.DYAD_EXTRACTOR !== 'llm' || (config.LLM_BASE_URL && config.LLM_MODEL), {
  message: 'DYAD_EXTRACTOR=llm needs LLM_BASE_URL and LLM_MODEL',
  path: ['DYAD_EXTRACTOR'],
});

export type DyadConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  readonly code = 'PLATFORM.INVALID_CONFIG';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): DyadConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export const DYAD_CONFIG = Symbol('DYAD_CONFIG');
