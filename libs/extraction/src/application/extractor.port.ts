import type { ArticleInput, Extraction } from '../domain/extract-facts';

// Article text in, candidate facts with evidence out. The rule-based extractor is the default;
// an LLM-backed one can stand in (DYAD_EXTRACTOR=llm). Name and version go into each fact
// event's metadata.
export interface Extractor {
  readonly name: string;
  readonly version: string;
  extract(article: ArticleInput): Promise<Extraction>;
}

export const EXTRACTOR = Symbol('EXTRACTOR');
