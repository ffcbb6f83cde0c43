import type { CountryCode } from '@dyad/relations';

export interface ActorAlias {
  readonly canonical: string; // the canonical English spelling
  readonly country?: CountryCode;
  readonly aliases?: readonly string[]; // spellings the transliteration key does not already join
}

// Office holders often named in international news in 2023-2025 (heads of state and government,
// foreign and defence ministers, envoys), canonical English spelling as in Reuters and AP copy.
// Learnt and analyst aliases are added to this table at run time (AliasTable.add).
export const KNOWN_ACTORS: readonly ActorAlias[] = [
  { canonical: 'Vladimir Putin', country: 'RU' }, { canonical: 'Sergei Lavrov', country: 'RU' },
  { canonical: 'Dmitry Peskov', country: 'RU' }, { canonical: 'Sergei Shoigu', country: 'RU' },
  { canonical: 'Andrei Belousov', country: 'RU' }, { canonical: 'Valery Gerasimov', country: 'RU' },
  { canonical: 'Mikhail Mishustin', country: 'RU' }, { canonical: 'Dmitry Medvedev', country: 'RU' },
  { canonical: 'Ahmad al-Sharaa', country: 'SY' }, { canonical: 'Asaad Hassan al-Shaibani', country: 'SY', aliases: ['Asaad al-Shaibani'] },
  { canonical: 'Bashar al-Assad', country: 'SY' }, { canonical: 'Kim Jong Un', country: 'KP' },
  { canonical: 'Choe Son Hui', country: 'KP' }, { canonical: 'Kim Yo Jong', country: 'KP' },
  { canonical: 'Volodymyr Zelensky', country: 'UA', aliases: ['Volodymyr Zelenskyy', 'Volodymyr Zelenski'] },
  { canonical: 'Andriy Yermak', country: 'UA' }, { canonical: 'Andriy Sybiha', country: 'UA' },
  { canonical: 'Rustem Umerov', country: 'UA' }, { canonical: 'Yulia Svyrydenko', country: 'UA' },
  { canonical: 'Dmytro Kuleba', country: 'UA' }, { canonical: 'Denys Shmyhal', country: 'UA' },
  { canonical: 'Donald Trump', country: 'US' }, { canonical: 'JD Vance', country: 'US' },
  { canonical: 'Joe Biden', country: 'US' }, { canonical: 'Kamala Harris', country: 'US' },
  { canonical: 'Antony Blinken', country: 'US' }, { canonical: 'Marco Rubio', country: 'US' },
  { canonical: 'Mike Waltz', country: 'US' }, { canonical: 'Steve Witkoff', country: 'US' },
  { canonical: 'Scott Bessent', country: 'US' }, { canonical: 'Pete Hegseth', country: 'US' },
  { canonical: 'Lloyd Austin', country: 'US' }, { canonical: 'Jake Sullivan', country: 'US' },
  { canonical: 'Xi Jinping', country: 'CN' }, { canonical: 'Wang Yi', country: 'CN' }, { canonical: 'Li Qiang', country: 'CN' },
  { canonical: 'Emmanuel Macron', country: 'FR' }, { canonical: 'Jean-Noël Barrot', country: 'FR' },
  { canonical: 'Stéphane Séjourné', country: 'FR' }, { canonical: 'Catherine Colonna', country: 'FR' },
  { canonical: 'Olaf Scholz', country: 'DE' }, { canonical: 'Friedrich Merz', country: 'DE' },
  { canonical: 'Annalena Baerbock', country: 'DE' }, { canonical: 'Johann Wadephul', country: 'DE' },
  { canonical: 'Keir Starmer', country: 'GB' }, { canonical: 'Rishi Sunak', country: 'GB' }, { canonical: 'David Lammy', country: 'GB' },
  { canonical: 'Giorgia Meloni', country: 'IT' }, { canonical: 'Pedro Sánchez', country: 'ES' },
  { canonical: 'Donald Tusk', country: 'PL' }, { canonical: 'Andrzej Duda', country: 'PL' }, { canonical: 'Viktor Orbán', country: 'HU' },
  { canonical: 'Recep Tayyip Erdogan', country: 'TR', aliases: ['Recep Tayyip Erdoğan'] }, { canonical: 'Hakan Fidan', country: 'TR' },
  { canonical: 'Luiz Inácio Lula da Silva', country: 'BR', aliases: ['Lula'] }, { canonical: 'Mauro Vieira', country: 'BR' },
  { canonical: 'Narendra Modi', country: 'IN' }, { canonical: 'Subrahmanyam Jaishankar', country: 'IN' },
  { canonical: 'Fumio Kishida', country: 'JP' }, { canonical: 'Shigeru Ishiba', country: 'JP' },
  { canonical: 'Yoon Suk Yeol', country: 'KR' }, { canonical: 'Lee Jae-myung', country: 'KR' },
  { canonical: 'Benjamin Netanyahu', country: 'IL' }, { canonical: 'Mahmoud Abbas', country: 'PS' },
  { canonical: 'Ali Khamenei', country: 'IR' }, { canonical: 'Masoud Pezeshkian', country: 'IR' },
  { canonical: 'Ebrahim Raisi', country: 'IR' }, { canonical: 'Abbas Araghchi', country: 'IR' },
  { canonical: 'Hossein Amir-Abdollahian', country: 'IR' }, { canonical: 'Ali Shamkhani', country: 'IR' },
  { canonical: 'Mohammed bin Salman', country: 'SA' }, { canonical: 'Faisal bin Farhan', country: 'SA' },
  { canonical: 'Musaed bin Mohammed Al-Aiban', country: 'SA' }, { canonical: 'Abdel Fattah al-Sisi', country: 'EG' },
  { canonical: 'Claudia Sheinbaum', country: 'MX' }, { canonical: 'Justin Trudeau', country: 'CA' }, { canonical: 'Mark Carney', country: 'CA' },
  { canonical: 'Anthony Albanese', country: 'AU' }, { canonical: 'Cyril Ramaphosa', country: 'ZA' },
];
