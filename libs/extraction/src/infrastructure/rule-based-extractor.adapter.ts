import type { Extractor } from '../application/extractor.port';
import { type ArticleInput, type Extraction, RuleExtractor, type RuleExtractorOptions } from '../domain/extract-facts';

// The built-in extractor behind the port: the pure rules, answered as a promise.
export class RuleBasedExtractorAdapter implements Extractor {
  private readonly rules: RuleExtractor;

  constructor(options: RuleExtractorOptions = {}) {
    this.rules = new RuleExtractor(options);
  }

  get name(): string {
    return this.rules.name;
  }

  get version(): string {
    return this.rules.version;
  }

  async extract(article: ArticleInput): Promise<Extraction> {
    return this.rules.extract(article);
  }
}
