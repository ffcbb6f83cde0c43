import { plainText } from '@dyad/platform';
import { z } from 'zod';

export const retractionSchema = z.strictObject({ reason: plainText(2_000) });
export type RetractionBody = z.infer<typeof retractionSchema>;
