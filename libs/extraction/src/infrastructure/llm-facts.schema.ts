import { z } from 'zod';
import { COMMITMENT_CATEGORIES, COMMITMENT_STATUSES, TENSION_SCOPES } from '@dyad/relations';

// The answer asked of the model: SCHEMA.md's keys per fact type, plus the quote that supports
// each fact. The same schema validates the answer and, as JSON Schema, goes in the request.
const country = z.string().regex(/^[A-Z]{2}$/);
const common = {
  dyad: z.string().regex(/^[A-Z]{2}-[A-Z]{2}$/),
  quote: z.string().min(1),
  confidence: z.number().min(0).max(1).optional(),
};

export const llmFactSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('MeetingHeld'),
    ...common,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    participants: z.array(z.object({ name: z.string(), role: z.string().optional(), country: country.optional() })).default([]),
    location: z.object({ city: z.string().nullable(), country: country.nullable() }).nullable().default(null),
  }),
  z.object({
    type: z.literal('DelegationListed'),
    ...common,
    country,
    leader: z.string().min(1),
    leaderRole: z.string().optional(),
    members: z.array(z.object({ name: z.string().optional(), role: z.string() })).default([]),
  }),
  z.object({ type: z.literal('CommitmentMade'), ...common, promisor: country, beneficiary: country, category: z.enum(COMMITMENT_CATEGORIES), summary: z.string().default('') }),
  z.object({
    type: z.literal('CommitmentStatusChanged'),
    ...common,
    promisor: country,
    beneficiary: country,
    category: z.enum(COMMITMENT_CATEGORIES),
    status: z.enum(COMMITMENT_STATUSES),
    summary: z.string().default(''),
  }),
  z.object({
    type: z.literal('TensionReported'),
    ...common,
    scope: z.enum(TENSION_SCOPES),
    locus: country,
    subject: z.string().default(''),
    severity: z.enum(['low', 'medium', 'high']).default('medium'),
  }),
  z.object({ type: z.literal('TensionEased'), ...common, scope: z.enum(TENSION_SCOPES), locus: country, subject: z.string().default('') }),
]);

export const llmAnswerSchema = z.object({ facts: z.array(llmFactSchema) });
export type LlmFact = z.infer<typeof llmFactSchema>;

export const LLM_ANSWER_JSON_SCHEMA = z.toJSONSchema(llmAnswerSchema, { io: 'input' });
