import type { CountryCode } from '@dyad/relations';

// Seats of power that news prose uses for their governments ("the Kremlin said", "la
// Maison-Blanche a confirmé"). No maintained package lists them; these are the usual ones in
// wire copy and the French and English press.
export const SEATS_OF_POWER: readonly { readonly names: readonly string[]; readonly country: CountryCode }[] = [
  { names: ['Kremlin'], country: 'RU' },
  { names: ['White House', 'Maison-Blanche', 'Maison Blanche', 'Oval Office', 'Bureau ovale', 'Pentagon', 'Pentagone', 'State Department', "Département d'État", 'Capitol Hill'], country: 'US' },
  { names: ['Élysée', 'Quai d’Orsay', "Quai d'Orsay", 'Matignon'], country: 'FR' },
  { names: ['Downing Street', 'Whitehall', 'Foreign Office'], country: 'GB' },
  { names: ['Zhongnanhai'], country: 'CN' },
  { names: ['Blue House', 'Maison bleue'], country: 'KR' },
  { names: ['Bundeskanzleramt', 'Kanzleramt', 'Chancellerie allemande'], country: 'DE' },
  { names: ['Quirinal', 'Palazzo Chigi', 'Farnesina'], country: 'IT' },
  { names: ['Moncloa'], country: 'ES' },
  { names: ['Planalto', 'Itamaraty'], country: 'BR' },
  { names: ['Kantei'], country: 'JP' },
  { names: ['Bankova'], country: 'UA' },
  { names: ['Knesset'], country: 'IL' },
];
