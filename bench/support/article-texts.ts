// Distinct articles that the rules turn into facts: one template over many country pairs and
// days, so that no request of a benchmark is a duplicate of another and each yields a meeting
// and commitments (a duplicate would be answered without extraction or append).
interface Country {
  readonly code: string;
  readonly name: string;
  readonly adjective: string;
  readonly capital: string;
  readonly leader: string;
}

const COUNTRIES: readonly Country[] = [
  { code: 'TR', name: 'Turkey', adjective: 'Turkish', capital: 'Ankara', leader: 'Recep Tayyip Erdogan' },
  { code: 'BR', name: 'Brazil', adjective: 'Brazilian', capital: 'Brasilia', leader: 'Luiz Inacio Lula da Silva' },
  { code: 'FR', name: 'France', adjective: 'French', capital: 'Paris', leader: 'Emmanuel Macron' },
  { code: 'EG', name: 'Egypt', adjective: 'Egyptian', capital: 'Cairo', leader: 'Abdel Fattah al-Sisi' },
  { code: 'IN', name: 'India', adjective: 'Indian', capital: 'New Delhi', leader: 'Droupadi Murmu' },
  { code: 'KE', name: 'Kenya', adjective: 'Kenyan', capital: 'Nairobi', leader: 'William Ruto' },
  { code: 'MX', name: 'Mexico', adjective: 'Mexican', capital: 'Mexico City', leader: 'Claudia Sheinbaum' },
  { code: 'ID', name: 'Indonesia', adjective: 'Indonesian', capital: 'Jakarta', leader: 'Prabowo Subianto' },
  { code: 'NG', name: 'Nigeria', adjective: 'Nigerian', capital: 'Abuja', leader: 'Bola Tinubu' },
  { code: 'AR', name: 'Argentina', adjective: 'Argentine', capital: 'Buenos Aires', leader: 'Javier Milei' },
  { code: 'VN', name: 'Vietnam', adjective: 'Vietnamese', capital: 'Hanoi', leader: 'Luong Cuong' },
  { code: 'PL', name: 'Poland', adjective: 'Polish', capital: 'Warsaw', leader: 'Karol Nawrocki' },
  { code: 'CL', name: 'Chile', adjective: 'Chilean', capital: 'Santiago', leader: 'Gabriel Boric' },
  { code: 'GH', name: 'Ghana', adjective: 'Ghanaian', capital: 'Accra', leader: 'John Mahama' },
  { code: 'KZ', name: 'Kazakhstan', adjective: 'Kazakh', capital: 'Astana', leader: 'Kassym-Jomart Tokayev' },
  { code: 'PT', name: 'Portugal', adjective: 'Portuguese', capital: 'Lisbon', leader: 'Marcelo Rebelo de Sousa' },
  { code: 'CO', name: 'Colombia', adjective: 'Colombian', capital: 'Bogota', leader: 'Gustavo Petro' },
  { code: 'SN', name: 'Senegal', adjective: 'Senegalese', capital: 'Dakar', leader: 'Bassirou Diomaye Faye' },
  { code: 'FI', name: 'Finland', adjective: 'Finnish', capital: 'Helsinki', leader: 'Alexander Stubb' },
  { code: 'PE', name: 'Peru', adjective: 'Peruvian', capital: 'Lima', leader: 'Jose Jeri' },
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FIRST_DAY = Date.UTC(2020, 0, 1);
const DAY_MS = 86_400_000;
const PAIRS = COUNTRIES.flatMap((host, i) => COUNTRIES.filter((_, j) => j !== i).map((guest) => [host, guest] as const));
export const ARTICLE_PAIRS = PAIRS.length;

// The countries the articles are about, by ISO code.
export const ARTICLE_COUNTRIES: readonly string[] = COUNTRIES.map((country) => country.code);

export interface ArticleSubmission {
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string;
  readonly language: 'en';
}

// The n-th article: pair and day both vary with n, and n itself is in the text, so that any two
// calls give different texts (380 ordered pairs; a new day every 380 articles).
export function nthArticle(n: number, seed = 0): ArticleSubmission {
  const [host, guest] = PAIRS[n % PAIRS.length];
  const day = new Date(FIRST_DAY + (Math.floor(n / PAIRS.length) % 2000) * DAY_MS);
  const publishedAt = day.toISOString().slice(0, 10);
  const date = `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
  const billions = 1 + (n % 9);
  const text = [
    `${host.capital.toUpperCase()}, ${date} - ${host.adjective} President ${host.leader} and ${guest.adjective} President ${guest.leader} held talks in ${host.capital} on ${date}, their offices said.`,
    `${host.name} pledged $${billions} billion in investment in ${guest.name}'s ports and railways, according to a joint statement.`,
    `${guest.name} agreed to supply ${host.name} with liquefied natural gas from next year.`,
    `The two leaders also discussed trade; it was their meeting number ${n} in the series ${seed}, officials said.`,
  ].join('\n');
  return { title: `${host.name} and ${guest.name} hold talks in ${host.capital}`, text, publishedAt, language: 'en' };
}
