import { z } from 'zod';
import { COMMITMENT_CATEGORIES, COMMITMENT_STATUSES } from '../domain/facts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

// A day or an instant. A bare day read as knowledge time means the end of that day: "as known
// on 2025-10-15" includes what was learnt that day.
// Date parsing rolls 2025-02-30 over to March; a real calendar day reads back unchanged.
const isCalendarDay = (value: string) => {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.slice(0, 10);
};

const pointInTime = (endOfDay: boolean) =>
  z
    .string()
    .refine((value) => DATE_ONLY.test(value) || INSTANT.test(value), 'must be YYYY-MM-DD or an ISO 8601 instant with offset')
    .refine(isCalendarDay, 'is not a real date')
    .transform((value) => new Date(DATE_ONLY.test(value) ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : value))
    .refine((date) => !Number.isNaN(date.getTime()), 'is not a real date');

const day = z.string().regex(DATE_ONLY, 'must be YYYY-MM-DD').refine(isCalendarDay, 'is not a real date');
const minPosition = z.string().regex(/^\d{1,20}\.\d{1,19}$/, 'must be a log position as returned by POST /v1/articles').optional();

export const stateQuerySchema = z.strictObject({
  asOf: pointInTime(true).optional(),
  knownAt: pointInTime(true).optional(),
  minPosition,
});

export const timelineQuerySchema = z.strictObject({ from: day.optional(), to: day.optional(), minPosition });

export const commitmentsQuerySchema = z.strictObject({
  status: z.enum(COMMITMENT_STATUSES).optional(),
  category: z.enum(COMMITMENT_CATEGORIES).optional(),
  minPosition,
});

export const listQuerySchema = z.strictObject({ country: z.string().regex(/^[A-Za-z]{2}$/).optional() });

export const uuidSchema = z.uuid();

export const exportQuerySchema = z.strictObject({
  format: z.enum(['plover', 'cameo']).default('plover'),
  output: z.enum(['csv', 'jsonl']).default('csv'),
  from: day.optional(),
  to: day.optional(),
});
