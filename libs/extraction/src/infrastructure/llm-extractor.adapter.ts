import type { CandidateFact } from '@dyad/relations';
import type { Extractor } from '../application/extractor.port';
import type { ArticleInput, Extraction } from '../domain/extract-facts';
import { ExtractionError } from '../domain/extraction.errors';
import { resolveLanguage, type Language } from '../domain/language/language';
import { fold } from '../domain/text/fold';
import { splitSentences } from '../domain/text/sentences';
import { LLM_ANSWER_JSON_SCHEMA, llmAnswerSchema, type LlmFact } from './llm-facts.schema';

export interface LlmExtractorOptions {
  readonly baseUrl: string; // LLM_BASE_URL, with or without the trailing /v1
  readonly model: string; // LLM_MODEL
  readonly apiKey?: string; // LLM_API_KEY
  readonly timeoutMs: number; // LLM_TIMEOUT_MS
  // Answers when the model fails, times out or answers out of schema: the rules.
  readonly fallback: Extractor;
  readonly onFallback?: (reason: string) => void;
  readonly fetch?: typeof fetch;
}

const INSTRUCTIONS = [
  'You extract facts about relations between two countries from a news article, as JSON that follows the given schema.',
  'Countries are ISO 3166-1 alpha-2 codes; a dyad is the two codes sorted and joined by "-".',
  'Report only what the article asserts happened: no speculation, conditional, negated or planned facts, no background restated from earlier reporting.',
  'Phone calls, summonses, ambassadors arriving and invited or expected visits are not meetings. A meeting of three countries is one MeetingHeld per pair.',
  'A meeting date is YYYY-MM-DD resolved against the publication date, or null when the text names no day.',
  'Leaders are named in their canonical English spelling. Each fact quotes the sentence of the article that supports it, verbatim.',
].join('\n');

// An OpenAI-compatible /v1/chat/completions endpoint asked for the facts under a JSON schema;
// the answer is validated, located in the text, and replaced by the rules' answer when anything
// goes wrong.
export class LlmExtractorAdapter implements Extractor {
  readonly name = 'llm';
  readonly version: string;

  constructor(private readonly options: LlmExtractorOptions) {
    this.version = `${options.model}+${options.fallback.name}-${options.fallback.version}`;
  }

  async extract(article: ArticleInput): Promise<Extraction> {
    const language = resolveLanguage(`${article.title}\n${article.text}`, article.language);
    try {
      const facts = await this.ask(article, language);
      return { language, facts: facts.flatMap((fact) => locate(article, language, fact)) };
    } catch (error) {
      if (error instanceof ExtractionError) throw error;
      this.options.onFallback?.(error instanceof Error ? error.message : String(error));
      return this.options.fallback.extract({ ...article, language });
    }
  }

  private async ask(article: ArticleInput, language: Language): Promise<LlmFact[]> {
    const base = this.options.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
    const response = await (this.options.fetch ?? fetch)(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: this.options.model,
        temperature: 0,
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          { role: 'user', content: JSON.stringify({ title: article.title, publishedAt: article.publishedAt, language, text: article.text }) },
        ],
        response_format: { type: 'json_schema', json_schema: { name: 'dyad_facts', schema: LLM_ANSWER_JSON_SCHEMA } },
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) throw new Error(`LLM endpoint answered ${response.status}`);
    const completion = (await response.json()) as { choices?: { message?: { content?: string } }[] };
    const content = completion.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new Error('LLM answer has no message content');
    const parsed = llmAnswerSchema.safeParse(JSON.parse(content));
    if (!parsed.success) throw new Error(`LLM answer out of schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data.facts;
  }
}

// Evidence is the article's own text: a fact whose quote cannot be found is dropped.
function locate(article: ArticleInput, language: Language, fact: LlmFact): CandidateFact[] {
  let start = article.text.indexOf(fact.quote);
  if (start === -1) start = fold(article.text).indexOf(fold(fact.quote));
  if (start === -1) return [];
  const end = start + fact.quote.length;
  const sentence = splitSentences(article.text, language).find((s) => start >= s.start && start < s.end);
  const { quote, confidence, dyad, ...body } = fact;
  // A promise's dyad is its two parties, whatever the model wrote beside them.
  const [a, b] = 'promisor' in body ? [body.promisor, body.beneficiary] : dyad.split('-');
  if (a === b) return [];
  const day = body.type === 'MeetingHeld' ? body.date : null;
  const base = {
    dyad: [a, b].sort().join('-'),
    evidence: { sentence: sentence?.index ?? 0, start, end, quote: article.text.slice(start, end) || quote },
    confidence: confidence ?? 0.6,
    occurredAt: day ?? article.publishedAt.slice(0, 10),
    occurredAtSource: day ? ('text' as const) : ('publishedAt' as const),
  };
  return [{ ...body, ...base } as CandidateFact];
}
