import { z } from 'zod';

export const retractionSchema = z.strictObject({ reason: z.string().trim().min(1).max(2_000) });
export type RetractionBody = z.infer<typeof retractionSchema>;
