import { COMMITMENT_CATEGORIES, COMMITMENT_STATUSES, parseKnownDyad } from '@dyad/relations';
import { z } from 'zod';

// A dyad in either order ("SY-RU" is "RU-SY"); unknown countries are refused here.
const dyad = z.string().transform((value, context) => {
  try {
    return parseKnownDyad(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'is not a dyad' });
    return z.NEVER;
  }
});

export const changeFilterSchema = z.strictObject({
  dyad: dyad.optional(),
  category: z.enum(COMMITMENT_CATEGORIES).optional(),
  status: z.enum(COMMITMENT_STATUSES).optional(),
});

// ?lastEventId= for clients that cannot set the Last-Event-ID header; the header wins.
export const commitmentStreamQuerySchema = changeFilterSchema.extend({ lastEventId: z.string().max(64).optional() });

export const registerWebhookSchema = z.strictObject({
  url: z.string().min(1).max(2048),
  secret: z.string().max(200).optional(),
  filter: changeFilterSchema.default({}),
});

export const deliveriesQuerySchema = z.strictObject({
  state: z.enum(['pending', 'delivered', 'dead', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const webhookIdSchema = z.uuid();
