import countries from 'i18n-iso-countries';
import { parseDyadId, type DyadId } from '../domain/dyad-id';

// The ISO 3166-1 list comes from i18n-iso-countries, kept up to date with the standard.
export const isKnownCountry = (code: string): boolean => countries.isValid(code);

export function parseKnownDyad(input: string): DyadId {
  return parseDyadId(input, isKnownCountry);
}
