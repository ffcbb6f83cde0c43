import type { ArticleInput, Extraction } from '../domain/extract-facts';
import type { AliasBook } from './alias-book';
import type { Extractor } from './extractor.port';

// The configured extractor, reading with every alias in the log.
export class AliasSyncingExtractor implements Extractor {
  constructor(
    private readonly inner: Extractor,
    private readonly aliases: AliasBook,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  get version(): string {
    return this.inner.version;
  }

  async extract(article: ArticleInput): Promise<Extraction> {
    await this.aliases.sync();
    return this.inner.extract(article);
  }
}
