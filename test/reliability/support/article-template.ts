// Articles that the rule extractor turns into facts, one distinct text each, over many country
// pairs: a meeting on a date of its own, and a commitment. The text differs by its date and
// number, so no two are duplicates.
const COUNTRIES = [
  ['France', 'Paris'], ['Germany', 'Berlin'], ['Russia', 'Moscow'], ['Syria', 'Damascus'], ['China', 'Beijing'],
  ['Brazil', 'Brasilia'], ['Japan', 'Tokyo'], ['Egypt', 'Cairo'], ['Turkey', 'Ankara'], ['India', 'New Delhi'],
  ['Italy', 'Rome'], ['Spain', 'Madrid'], ['Mexico', 'Mexico City'], ['Canada', 'Ottawa'], ['Kenya', 'Nairobi'],
  ['Nigeria', 'Abuja'], ['Argentina', 'Buenos Aires'], ['Indonesia', 'Jakarta'], ['Vietnam', 'Hanoi'], ['Poland', 'Warsaw'],
] as const;

export interface TemplateArticle {
  readonly index: number;
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string;
}

export const PAIRS = COUNTRIES.length * (COUNTRIES.length - 1);

// The ISO codes are not needed: the dyad of a pair is read back from the facts Dyad returns.
// Days wrap after about five years, so that every date stays in the past.
export function templateArticle(index: number, pair = index % PAIRS, dayNumber = index % 1_800): TemplateArticle {
  const first = Math.floor(pair / (COUNTRIES.length - 1));
  const second = (first + 1 + (pair % (COUNTRIES.length - 1))) % COUNTRIES.length;
  const [hostName, capital] = COUNTRIES[first];
  const [guestName] = COUNTRIES[second];
  // Distinct days, all in the past: 2020-01-01 plus `dayNumber` days.
  const date = new Date(Date.UTC(2020, 0, 1) + dayNumber * 86_400_000);
  const day = date.toISOString().slice(0, 10);
  // Written out ("March 10, 2020"): the extractor reads it as the meeting's own date.
  const written = date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return {
    index,
    title: `${hostName} and ${guestName} (${index})`,
    text:
      `The presidents of ${hostName} and ${guestName} met in ${capital} on ${written}. ` +
      `${hostName} pledged to invest in the energy sector of ${guestName}. Reference ${index}.`,
    publishedAt: day,
  };
}
