import type { Extractor } from '../application/extractor.port';
import type { AliasTable } from '../domain/actors/alias-table';
import { LlmExtractorAdapter } from './llm-extractor.adapter';
import { RuleBasedExtractorAdapter } from './rule-based-extractor.adapter';

// The configuration keys that choose an extractor (libs/platform config schema), passed in.
export interface ExtractorSettings {
  readonly DYAD_EXTRACTOR: 'rules' | 'llm';
  readonly LLM_BASE_URL?: string;
  readonly LLM_MODEL?: string;
  readonly LLM_API_KEY?: string;
  readonly LLM_TIMEOUT_MS: number;
}

export function createExtractor(settings: ExtractorSettings, aliases?: AliasTable, onFallback?: (reason: string) => void): Extractor {
  const rules = new RuleBasedExtractorAdapter({ aliases });
  if (settings.DYAD_EXTRACTOR !== 'llm') return rules;
  if (!settings.LLM_BASE_URL || !settings.LLM_MODEL) {
    throw new Error('DYAD_EXTRACTOR=llm needs LLM_BASE_URL and LLM_MODEL');
  }
  return new LlmExtractorAdapter({
    baseUrl: settings.LLM_BASE_URL,
    model: settings.LLM_MODEL,
    apiKey: settings.LLM_API_KEY,
    timeoutMs: settings.LLM_TIMEOUT_MS,
    fallback: rules,
    onFallback,
  });
}
