import { DATABASE, type Database, type SqlExecutor } from '@dyad/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { ArticleKeys } from '../application/ports/article-keys.port';

@Injectable()
export class SqlArticleKeys implements ArticleKeys {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async findArticleId(keys: readonly string[]): Promise<string | null> {
    const { rows } = await this.database.query<{ article_id: string }>(
      'select article_id from article_keys where key = any($1::text[]) limit 1',
      [keys],
    );
    return rows[0]?.article_id ?? null;
  }

  async claim(tx: SqlExecutor, articleId: string, keys: readonly string[]): Promise<boolean> {
    const { rowCount } = await tx.query(
      `insert into article_keys (key, article_id)
       select key, $2::uuid from unnest($1::text[]) as key
       on conflict (key) do nothing`,
      [keys, articleId],
    );
    return rowCount === keys.length;
  }
}
