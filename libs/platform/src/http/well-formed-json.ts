// JSON may escape half of a surrogate pair ("\ud800"), which no UTF-8 text can hold: PostgreSQL
// refuses it in jsonb and text alike. It becomes U+FFFD, as an invalid UTF-8 byte in a text body does.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function wellFormedJsonReviver(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(LONE_SURROGATE, '\ufffd') : value;
}
