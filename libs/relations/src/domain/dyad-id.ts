import type { CountryCode } from './facts';
import { RelationsError } from './relations.errors';

// A dyad is the two ISO 3166-1 alpha-2 codes, sorted, joined by '-' (DESIGN §4).
export type DyadId = string;

// Whether a well-formed code names a country. The list lives outside the domain (a library in
// the application layer); the domain only asks.
export type IsKnownCountry = (code: CountryCode) => boolean;

const ALPHA_2 = /^[A-Za-z]{2}$/;

export function toDyadId(a: CountryCode, b: CountryCode, isKnownCountry?: IsKnownCountry): DyadId {
  const codes = [a, b].map((code) => normaliseCode(code, `${a}-${b}`));
  if (codes[0] === codes[1]) {
    throw new RelationsError('RELATIONS.INVALID_DYAD', `A dyad needs two different countries, got ${a}-${b}`, {
      dyad: `${a}-${b}`,
    });
  }
  if (isKnownCountry) {
    for (const code of codes) {
      if (!isKnownCountry(code)) {
        throw new RelationsError('RELATIONS.UNKNOWN_COUNTRY', `${code} is not an ISO 3166-1 alpha-2 country code`, {
          country: code,
        });
      }
    }
  }
  return codes.sort().join('-');
}

// Accepts `SY-RU`, `ru-sy` or `RU-SY` and answers `RU-SY`.
export function parseDyadId(input: string, isKnownCountry?: IsKnownCountry): DyadId {
  const parts = input.trim().split('-');
  if (parts.length !== 2) {
    throw new RelationsError('RELATIONS.INVALID_DYAD', `A dyad is two country codes joined by '-', got '${input}'`, {
      dyad: input,
    });
  }
  return toDyadId(parts[0], parts[1], isKnownCountry);
}

export function dyadCountries(dyad: DyadId): readonly [CountryCode, CountryCode] {
  const [a, b] = parseDyadId(dyad).split('-');
  return [a, b];
}

const RELATIONSHIP_STREAM_PREFIX = 'relationship-';

export function relationshipStreamId(dyad: DyadId): string {
  return `${RELATIONSHIP_STREAM_PREFIX}${dyad}`;
}

// The dyad of a relationship stream; null for any other stream.
export function dyadOfStream(streamId: string): DyadId | null {
  return streamId.startsWith(RELATIONSHIP_STREAM_PREFIX) ? streamId.slice(RELATIONSHIP_STREAM_PREFIX.length) : null;
}

function normaliseCode(code: CountryCode, dyad: string): CountryCode {
  if (!ALPHA_2.test(code)) {
    throw new RelationsError('RELATIONS.INVALID_DYAD', `'${code}' is not a two-letter country code`, { dyad });
  }
  return code.toUpperCase();
}
