import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExtractionError } from '../domain/extraction.errors';
import { LlmExtractorAdapter } from './llm-extractor.adapter';
import { RuleBasedExtractorAdapter } from './rule-based-extractor.adapter';

// A local server speaking the OpenAI chat-completions format stands in for the model.
type Handler = (body: Record<string, unknown>, res: ServerResponse) => void;

const ARTICLE = {
  title: 'Lula and Xi meet in Beijing',
  publishedAt: '2025-06-13',
  text: 'Brazilian President Luiz Inácio Lula da Silva and Chinese President Xi Jinping held talks in Beijing on Wednesday. China pledged $1 billion in loans to Brazil.',
};

function completion(content: string) {
  return JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
}

describe('LlmExtractorAdapter', () => {
  let server: Server;
  let handler: Handler;
  let baseUrl: string;
  const rules = new RuleBasedExtractorAdapter();

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => handler(JSON.parse(raw), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function adapter(timeoutMs = 2000, reasons: string[] = []) {
    return new LlmExtractorAdapter({ baseUrl, model: 'test-model', apiKey: 'k', timeoutMs, fallback: rules, onFallback: (r) => reasons.push(r) });
  }

  it('should return the model facts with evidence located in the text when the answer fits the schema', async () => {
    let request: Record<string, unknown> = {};
    handler = (body, res) => {
      request = body;
      const facts = [
        { type: 'CommitmentMade', dyad: 'CN-BR', promisor: 'CN', beneficiary: 'BR', category: 'financial_support', summary: 'loans', quote: 'China pledged $1 billion in loans to Brazil.' },
      ];
      res.writeHead(200, { 'content-type': 'application/json' }).end(completion(JSON.stringify({ facts })));
    };
    const result = await adapter().extract(ARTICLE);
    expect(request.model).toBe('test-model');
    expect((request.response_format as { type: string }).type).toBe('json_schema');
    expect(result.language).toBe('en');
    expect(result.facts).toEqual([
      expect.objectContaining({
        type: 'CommitmentMade',
        dyad: 'BR-CN',
        promisor: 'CN',
        category: 'financial_support',
        occurredAtSource: 'publishedAt',
        evidence: { sentence: 1, start: ARTICLE.text.indexOf('China pledged'), end: ARTICLE.text.length, quote: 'China pledged $1 billion in loans to Brazil.' },
      }),
    ]);
  });

  it('should fall back to the rules when the model answers text that is not JSON', async () => {
    handler = (_body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(completion('Sure! Here are the facts: none.'));
    const reasons: string[] = [];
    const result = await adapter(2000, reasons).extract(ARTICLE);
    expect(reasons).toHaveLength(1);
    expect(result).toEqual(await rules.extract(ARTICLE));
  });

  it('should fall back to the rules when the answer breaks the schema', async () => {
    handler = (_body, res) => res.writeHead(200).end(completion(JSON.stringify({ facts: [{ type: 'MeetingHeld', dyad: 'brazil-china' }] })));
    const reasons: string[] = [];
    const result = await adapter(2000, reasons).extract(ARTICLE);
    expect(reasons[0]).toMatch(/schema/);
    expect(result.facts.map((f) => f.type)).toEqual((await rules.extract(ARTICLE)).facts.map((f) => f.type));
  });

  it('should fall back to the rules when the model does not answer in time', async () => {
    handler = (_body, res) => setTimeout(() => res.writeHead(200).end(completion('{"facts":[]}')), 1000).unref();
    const started = Date.now();
    const result = await adapter(150).extract(ARTICLE);
    expect(Date.now() - started).toBeLessThan(900);
    expect(result.facts.length).toBeGreaterThan(0);
  });

  it('should refuse an article in another language without asking the model', async () => {
    let asked = false;
    handler = (_body, res) => {
      asked = true;
      res.writeHead(500).end();
    };
    const german = { title: 'Treffen', publishedAt: '2025-06-13', text: 'Der Bundeskanzler hat am Mittwoch in Berlin den französischen Präsidenten getroffen und über die Zusammenarbeit gesprochen.' };
    await expect(adapter().extract(german)).rejects.toMatchObject({ code: 'EXTRACTION.UNSUPPORTED_LANGUAGE' });
    await expect(adapter().extract(german)).rejects.toBeInstanceOf(ExtractionError);
    expect(asked).toBe(false);
  });
});
