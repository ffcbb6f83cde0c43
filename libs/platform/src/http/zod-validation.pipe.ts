import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { RequestValidationError } from './request-validation.error';

// Validates one request part (body, query, params) against a zod schema, refusing unknown keys
// where the schema is strict.
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.infer<Schema> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) throw RequestValidationError.fromZod(metadata.type === 'custom' ? 'input' : metadata.type, parsed.error);
    return parsed.data;
  }
}
