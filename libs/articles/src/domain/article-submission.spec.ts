import { acceptArticle, normaliseText } from './article-submission';

const now = new Date('2025-06-01T12:00:00Z');
const valid = { title: ' A  title ', text: 'Line one.\r\n\r\n  Line   two. ', publishedAt: '2025-05-30' };

describe('acceptArticle', () => {
  it('should normalise the text and title and keep the publication day when the submission is valid', () => {
    const article = acceptArticle(valid, now, 1_000);
    expect(article.title).toBe('A title');
    expect(article.text).toBe('Line one.\nLine two.');
    expect(article.publishedAt).toBe('2025-05-30');
  });

  it('should read a publication instant with an offset as its UTC day', () => {
    expect(acceptArticle({ ...valid, publishedAt: '2025-05-30T23:30:00-02:00' }, now, 1_000).publishedAt).toBe('2025-05-31');
  });

  it.each([
    ['', 'ARTICLES.EMPTY_TEXT'],
    [' \n \t ', 'ARTICLES.EMPTY_TEXT'],
    ['bytes\u0000here', 'ARTICLES.BINARY_TEXT'],
    ['broken \ufffd utf-8', 'ARTICLES.BINARY_TEXT'],
    ['x'.repeat(1_001), 'ARTICLES.TOO_LARGE'],
  ])('should refuse the text %j with %s', (text, code) => {
    expect(() => acceptArticle({ ...valid, text }, now, 1_000)).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    ['yesterday', 'ARTICLES.INVALID_PUBLISHED_AT'],
    ['2025-02-30', 'ARTICLES.INVALID_PUBLISHED_AT'],
    ['2025-13-01', 'ARTICLES.INVALID_PUBLISHED_AT'],
    ['2025-06-02', 'ARTICLES.PUBLISHED_IN_FUTURE'],
  ])('should refuse publishedAt %j with %s', (publishedAt, code) => {
    expect(() => acceptArticle({ ...valid, publishedAt }, now, 1_000)).toThrow(expect.objectContaining({ code }));
  });

  it('should treat two spellings of one address as one url when they differ only in case, slash or fragment', () => {
    const a = acceptArticle({ ...valid, url: 'https://Example.org/news/item/#top' }, now, 1_000).url;
    const b = acceptArticle({ ...valid, url: 'https://example.org/news/item' }, now, 1_000).url;
    expect(a).toBe(b);
    expect(() => acceptArticle({ ...valid, url: 'javascript:alert(1)' }, now, 1_000)).toThrow(expect.objectContaining({ code: 'ARTICLES.INVALID_URL' }));
  });

  it('should drop blank lines but keep paragraph breaks when normalising text', () => {
    expect(normaliseText('a\n\n\nb\u00a0 c')).toBe('a\nb c');
  });
});
