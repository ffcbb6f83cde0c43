import { z } from 'zod';

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

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: postgresUrl.optional(),
  KAFKA_BROKERS: brokerList.optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default('dyad'),
  DYAD_DATA_DIR: z.string().min(1).default('./data'),
  DYAD_API_KEYS: z.string().optional(),
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
  DYAD_READ_WAIT_MS: z.coerce.number().int().positive().default(5_000),
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
