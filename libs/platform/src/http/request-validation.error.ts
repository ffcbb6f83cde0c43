import type { z } from 'zod';

export class RequestValidationError extends Error {
  readonly code = 'REQUEST.INVALID';
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }

  static fromZod(where: string, error: z.ZodError): RequestValidationError {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = issues[0];
    const message = first ? `Invalid ${where}: ${first.path ? `${first.path} ` : ''}${first.message}` : `Invalid ${where}`;
    return new RequestValidationError(message, { issues });
  }
}
