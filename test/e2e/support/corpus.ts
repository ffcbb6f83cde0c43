import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusExpectation } from '../../../apps/cli/src/article-files';

export interface CorpusArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string;
  readonly url: string;
  readonly after: readonly string[];
  readonly expected: CorpusExpectation;
}

const ROOT = join(__dirname, '../../fixtures/corpus');

export function corpusArticle(folder: string, id: string): CorpusArticle {
  return JSON.parse(readFileSync(join(ROOT, folder, `${id}.json`), 'utf8')) as CorpusArticle;
}

export function corpusFolder(folder: string): CorpusArticle[] {
  return readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => corpusArticle(folder, name.replace(/\.json$/, '')));
}

export function submission(article: CorpusArticle) {
  return { title: article.title, text: article.text, publishedAt: article.publishedAt, url: article.url };
}
