import { wellFormedJsonReviver } from './well-formed-json';

describe('well-formed JSON', () => {
  it('should replace unpaired surrogates and keep pairs when a body is parsed', () => {
    const parsed = JSON.parse('{"a":"x\\ud800y","b":["\\udc00"],"c":"\\ud83c\\uddf7","d":1}', wellFormedJsonReviver);
    expect(parsed).toEqual({ a: 'x\ufffdy', b: ['\ufffd'], c: '🇷', d: 1 });
  });
});
