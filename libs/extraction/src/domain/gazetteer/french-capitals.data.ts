import type { CountryCode } from '@dyad/relations';

// French exonyms of capitals. world-countries carries capitals in English only and no
// maintained package has their French names; only the capitals whose French name differs from
// the English one (after accents are folded) are listed. Source: the French Foreign Ministry's
// country pages and Le Monde's style.
export const FRENCH_CAPITAL_EXONYMS: readonly { readonly name: string; readonly country: CountryCode }[] = [
  { name: 'Moscou', country: 'RU' }, { name: 'Damas', country: 'SY' }, { name: 'Pékin', country: 'CN' },
  { name: 'Téhéran', country: 'IR' }, { name: 'Riyad', country: 'SA' }, { name: 'Londres', country: 'GB' },
  { name: 'Varsovie', country: 'PL' }, { name: 'Le Caire', country: 'EG' }, { name: 'Alger', country: 'DZ' },
  { name: 'Bagdad', country: 'IQ' }, { name: 'Beyrouth', country: 'LB' }, { name: 'Athènes', country: 'GR' },
  { name: 'Vienne', country: 'AT' }, { name: 'Berne', country: 'CH' }, { name: 'Copenhague', country: 'DK' },
  { name: 'Lisbonne', country: 'PT' }, { name: 'Bruxelles', country: 'BE' }, { name: 'La Haye', country: 'NL' },
  { name: 'Bucarest', country: 'RO' }, { name: 'Séoul', country: 'KR' }, { name: 'Kiev', country: 'UA' },
  { name: 'Tbilissi', country: 'GE' }, { name: 'Erevan', country: 'AM' }, { name: 'Bakou', country: 'AZ' },
  { name: 'Kaboul', country: 'AF' }, { name: 'Koweït', country: 'KW' }, { name: 'Abou Dhabi', country: 'AE' },
  { name: 'Mascate', country: 'OM' }, { name: 'Sanaa', country: 'YE' }, { name: 'Khartoum', country: 'SD' },
  { name: 'Addis-Abeba', country: 'ET' }, { name: 'La Havane', country: 'CU' }, { name: 'Mexico', country: 'MX' },
  { name: 'Brasilia', country: 'BR' }, { name: 'New Delhi', country: 'IN' }, { name: 'Tokyo', country: 'JP' },
  { name: 'Ankara', country: 'TR' }, { name: 'Jérusalem', country: 'IL' }, { name: 'Stockholm', country: 'SE' },
  { name: 'Édimbourg', country: 'GB' }, { name: 'Nicosie', country: 'CY' }, { name: 'La Valette', country: 'MT' },
  { name: 'Tachkent', country: 'UZ' }, { name: 'Achgabat', country: 'TM' }, { name: 'Douchanbé', country: 'TJ' },
  { name: 'Bichkek', country: 'KG' }, { name: 'Oulan-Bator', country: 'MN' }, { name: 'Hanoï', country: 'VN' },
  { name: 'Pyongyang', country: 'KP' }, { name: 'Djakarta', country: 'ID' }, { name: 'Manille', country: 'PH' },
  { name: 'Singapour', country: 'SG' }, { name: 'Le Cap', country: 'ZA' }, { name: 'Prétoria', country: 'ZA' },
  { name: 'Tripoli', country: 'LY' }, { name: 'Tunis', country: 'TN' }, { name: 'Rabat', country: 'MA' },
  { name: 'Nouakchott', country: 'MR' }, { name: 'Belgrade', country: 'RS' }, { name: 'Zagreb', country: 'HR' },
  { name: 'Prague', country: 'CZ' }, { name: 'Bratislava', country: 'SK' }, { name: 'Vilnius', country: 'LT' },
  { name: 'Canberra', country: 'AU' }, { name: 'Ottawa', country: 'CA' }, { name: 'Islamabad', country: 'PK' },
];
