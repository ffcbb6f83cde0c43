import { get, type ClientRequest, type IncomingMessage } from 'node:http';
import { waitUntil } from '@dyad/platform/testing/wait-until';

export interface SseEvent {
  readonly id: string | undefined;
  readonly event: string | undefined;
  readonly data: any;
}

export interface SseClient {
  readonly status: number;
  readonly events: SseEvent[];
  readonly comments: string[];
  waitForEvents(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
}

// A minimal EventSource for the specs: the raw stream parsed into events and comment lines.
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    let request: ClientRequest | undefined = undefined;
    request = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response: IncomingMessage) => {
      const events: SseEvent[] = [];
      const comments: string[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line) {
              const colon = line.indexOf(':');
              const name = line.slice(0, colon);
              fields[name] = (fields[name] ? `${fields[name]}\n` : '') + line.slice(colon + 1).replace(/^ /, '');
            }
          }
          if (fields.data !== undefined) {
            const data = (response.headers['content-type'] ?? '').includes('event-stream') ? safeJson(fields.data) : fields.data;
            events.push({ id: fields.id, event: fields.event, data });
          }
        }
      });
      response.on('error', () => undefined);
      resolve({
        status: response.statusCode ?? 0,
        events,
        comments,
        async waitForEvents(count, timeoutMs = 15_000) {
          await waitUntil(`${count} SSE events (have ${events.length})`, () => events.length >= count, timeoutMs);
          return events.slice(0, count);
        },
        close: () => {
          response.destroy();
          request?.destroy();
        },
      });
    });
    request.on('error', reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
