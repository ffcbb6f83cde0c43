import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ArticleSubmission } from '@dyad/articles';

export interface ArticleFile {
  readonly path: string;
  readonly id: string;
  readonly submission: ArticleSubmission;
  // Annotated corpus files only (shared/corpus/SCHEMA.md).
  readonly after: readonly string[];
  readonly expected?: CorpusExpectation;
}

export interface CorpusExpectation {
  readonly events: ReadonlyArray<Record<string, unknown>>;
  readonly state: ReadonlyArray<{
    dyad: string;
    meetings: number;
    commitments: ReadonlyArray<{ promisor: string; beneficiary: string; category: string; status: string }>;
    openTensions: number;
  }>;
}

export class ArticleFileError extends Error {}

const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

// Files and folders (not recursive beyond one level) of articles: corpus JSON, or plain text
// whose first line is the title.
export async function collectArticleFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new ArticleFileError(`${path}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => extname(name) === '.json' || TEXT_EXTENSIONS.has(extname(name)));
      files.push(...names.sort().map((name) => join(path, name)));
    } else files.push(path);
  }
  return files;
}

export async function readArticleFile(path: string, publishedAt?: string): Promise<ArticleFile> {
  const content = await readFile(path, 'utf8');
  if (extname(path) === '.json') {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(content) as Record<string, unknown>;
    } catch (error) {
      throw new ArticleFileError(`${path}: not JSON (${(error as Error).message})`);
    }
    const { title, text, url, language, source } = parsed as Record<string, string | undefined>;
    return {
      path,
      id: typeof parsed.id === 'string' ? parsed.id : basename(path, '.json'),
      submission: {
        title: title ?? '',
        text: text ?? '',
        publishedAt: String(parsed.publishedAt ?? publishedAt ?? ''),
        ...(url ? { url } : {}),
        ...(language ? { language } : {}),
        ...(source ? { source } : {}),
      },
      after: Array.isArray(parsed.after) ? (parsed.after as string[]) : [],
      expected: parsed.expected as CorpusExpectation | undefined,
    };
  }
  if (!TEXT_EXTENSIONS.has(extname(path))) throw new ArticleFileError(`${path}: not a .json, .txt or .md file`);
  if (!publishedAt) throw new ArticleFileError(`${path}: a text file needs --published-at`);
  const [title, ...body] = content.replace(/^#\s*/, '').split('\n');
  return { path, id: basename(path), submission: { title: title.trim(), text: body.join('\n'), publishedAt }, after: [] };
}
