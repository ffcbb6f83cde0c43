// Public surface of the extraction context: article text in, candidate facts with evidence out.
export { EXTRACTOR, type Extractor } from './application/extractor.port';
export { ALIAS_TABLE } from './application/alias-table.token';
export { RuleExtractor, type ArticleInput, type Extraction, type Mention, type RuleExtractorOptions } from './domain/extract-facts';
export { ExtractionError, type ExtractionErrorCode } from './domain/extraction.errors';
export { detectLanguage, resolveLanguage, isSupportedLanguage, SUPPORTED_LANGUAGES, type Language } from './domain/language/language';
export { AliasTable, type ResolvedActor } from './domain/actors/alias-table';
export { KNOWN_ACTORS, type ActorAlias } from './domain/actors/known-actors.data';
export { personKey } from './domain/actors/person-key';
export { CountryGazetteer } from './domain/gazetteer/country-gazetteer';
export { scoreArticles, countMatches, matchesGold, type Score, type Scores, type ScoredEvent } from './domain/eval/score-facts';
export { RuleBasedExtractorAdapter } from './infrastructure/rule-based-extractor.adapter';
export { LlmExtractorAdapter, type LlmExtractorOptions } from './infrastructure/llm-extractor.adapter';
export { createExtractor, type ExtractorSettings } from './infrastructure/create-extractor';
export { ExtractionModule } from './extraction.module';
