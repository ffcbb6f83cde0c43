// Domain errors of the extraction context, with stable codes the API maps to HTTP statuses.
export type ExtractionErrorCode = 'EXTRACTION.UNSUPPORTED_LANGUAGE' | 'EXTRACTION.EMPTY_TEXT' | 'EXTRACTION.UNKNOWN_COUNTRY';

export class ExtractionError extends Error {
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}
