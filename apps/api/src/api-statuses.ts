import type { StatusByCode } from '@dyad/platform';

// Codes whose status the naming convention of the filter does not give.
export const API_STATUSES: StatusByCode = {
  'ARTICLES.TOO_LARGE': 413,
  'ARTICLES.INVALID_URL': 400,
  'ARTICLES.INVALID_PUBLISHED_AT': 400,
  'RELATIONS.UNKNOWN_COUNTRY': 422,
  'EXTRACTION.UNSUPPORTED_LANGUAGE': 422,
};
