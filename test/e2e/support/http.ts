// A small JSON client for the API specs.
export interface JsonResponse<Body = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
}

export async function request<Body = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { json?: unknown; body?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<Body>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(new URL(path, baseUrl), { method, headers, body });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: response.status, headers: response.headers, body: isJson && text ? JSON.parse(text) : text };
}
