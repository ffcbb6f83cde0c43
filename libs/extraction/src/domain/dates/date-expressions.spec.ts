import { fold } from '../text/fold';
import { findDates, isBackgroundDate } from './date-expressions';

function dates(text: string, publishedAt: string, language: 'fr' | 'en') {
  return findDates(text, fold(text), 0, text.length, publishedAt, language);
}

describe('findDates', () => {
  it('should resolve a weekday to the last such day before publication', () => {
    expect(dates('The leaders held talks on Wednesday.', '2023-09-15', 'en')[0]).toMatchObject({ day: '2023-09-13' });
    expect(dates('Réunies mardi à Djeddah.', '2025-03-12', 'fr')[0]).toMatchObject({ day: '2025-03-11' });
  });

  it('should date a night across two days by its last day', () => {
    expect(dates('Arrivé dans la nuit de mardi à mercredi.', '2024-06-20', 'fr')[0]).toMatchObject({ day: '2024-06-19' });
  });

  it('should ignore a dispatch dateline, a duration since a year and abbreviated weekdays', () => {
    expect(dates('VLADIVOSTOK, Sept 15 - The two men sat down.', '2023-09-15', 'en')).toEqual([]);
    expect(dates('BANFF, Alberta, Sept 15 - The two men sat down.', '2023-09-15', 'en')).toEqual([]);
    expect(dates('Son ambassade, fermée depuis 2016, a rouvert.', '2023-06-07', 'fr')).toEqual([]);
  });

  it('should read months without a day and tell background from news', () => {
    const [march] = dates("l'accord conclu en mars à Pékin", '2023-06-07', 'fr');
    expect(march).toMatchObject({ day: null, month: '2023-03' });
    expect(isBackgroundDate(march, '2023-06-07')).toBe(true);
    const [august] = dates("l'ambassade a repris ses activités au mois d'août", '2023-09-06', 'fr');
    expect(isBackgroundDate(august, '2023-09-06')).toBe(false);
  });
});
