import type { CountryCode } from '@dyad/relations';

// Prefixes that name a country inside a compound adjective ("sino-américain", "Franco-German",
// "russo-ukrainien"). Standard French and English compounding forms; no package lists them.
export const COMBINING_FORMS: Readonly<Record<string, CountryCode>> = {
  sino: 'CN', russo: 'RU', americano: 'US', franco: 'FR', germano: 'DE', anglo: 'GB', nippo: 'JP',
  italo: 'IT', hispano: 'ES', luso: 'PT', indo: 'IN', irano: 'IR', irako: 'IQ', syro: 'SY', turco: 'TR',
  israelo: 'IL', saoudo: 'SA', belgo: 'BE', greco: 'GR', polono: 'PL', austro: 'AT', ukraino: 'UA',
  egypto: 'EG', algero: 'DZ', marocco: 'MA', tuniso: 'TN', libano: 'LB', brasilo: 'BR', mexicano: 'MX',
};
