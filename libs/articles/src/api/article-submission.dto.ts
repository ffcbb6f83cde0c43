import { z } from 'zod';

export const articleJsonSchema = z.strictObject({
  title: z.string().max(1_000),
  text: z.string(),
  publishedAt: z.string().max(40),
  url: z.string().max(2_048).optional(),
  language: z.string().max(16).optional(),
  source: z.string().max(200).optional(),
});

// For text/plain and text/html bodies, the other fields come in the query string.
export const articleTextQuerySchema = articleJsonSchema.omit({ text: true });

export type ArticleJson = z.infer<typeof articleJsonSchema>;
