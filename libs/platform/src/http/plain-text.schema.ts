import { z } from 'zod';

// Free text a user sends (a reason, a label): C0 controls other than tab and line breaks are
// refused, NUL first of all, which PostgreSQL cannot store in text or jsonb.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export function plainText(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .refine((value) => !CONTROL.test(value), 'must not hold control characters');
}
