// Reasons the relations context refuses a request. Codes are stable: clients and the HTTP
// filter key on them (INVALID_* → 400, UNKNOWN_COUNTRY → 422, *_NOT_FOUND → 404, ALREADY_* → 409).
export type RelationsErrorCode =
  | 'RELATIONS.INVALID_DYAD'
  | 'RELATIONS.UNKNOWN_COUNTRY'
  | 'RELATIONS.DYAD_MISMATCH'
  | 'RELATIONS.INVALID_FACT'
  | 'RELATIONS.FACT_NOT_FOUND'
  | 'RELATIONS.DYAD_NOT_FOUND'
  | 'RELATIONS.COMMITMENT_NOT_FOUND'
  | 'RELATIONS.FACT_ALREADY_RETRACTED'
  | 'RELATIONS.UNSUPPORTED_EVENT';

export class RelationsError extends Error {
  constructor(
    readonly code: RelationsErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
