import { describe, expect, it } from 'vitest';
import { sanitizeUrl } from '@/lib/capture/sanitize-url';

describe('sanitizeUrl', () => {
  it.each([
    // Credentials and tracking
    ['drops user:password', 'https://jane:hunter2@shop.example.com/cart', 'https://shop.example.com/cart'],
    [
      'drops utm_* parameters and keeps the others in order',
      'https://shop.example.com/p/42?utm_source=news&color=red&utm_medium=email&utm_campaign=bf&size=m',
      'https://shop.example.com/p/42?color=red&size=m',
    ],
    [
      'drops ad click ids (gclid, fbclid, msclkid, ttclid)',
      'https://shop.example.com/?gclid=Cj0KCQ&fbclid=IwAR2x&msclkid=abc&ttclid=E.C.P&page=2',
      'https://shop.example.com/?page=2',
    ],
    [
      'drops analytics cookies passed in the URL (_ga, _gl)',
      'https://shop.example.com/p?_ga=2.1.2&_gl=1*abc*_ga*MTIz',
      'https://shop.example.com/p',
    ],
    // Search queries
    [
      'masks a Google search and its copy in oq',
      'https://www.google.com/search?q=jane+doe+diagnosis&oq=jane+doe&sourceid=chrome&ie=UTF-8',
      'https://www.google.com/search?q=***&oq=***&sourceid=chrome&ie=UTF-8',
    ],
    ['masks a WordPress search (s)', 'https://blog.example.com/?s=divorce+lawyer', 'https://blog.example.com/?s=***'],
    [
      'masks a search keyword',
      'https://shop.example.com/search?keyword=red+shoes&page=2',
      'https://shop.example.com/search?keyword=***&page=2',
    ],
    [
      'masks a YouTube search_query',
      'https://www.youtube.com/results?search_query=how+to',
      'https://www.youtube.com/results?search_query=***',
    ],
    [
      'masks an Amazon search (k)',
      'https://www.amazon.de/s?k=pregnancy+test&ref=nb_sb_noss',
      'https://www.amazon.de/s?k=***&ref=nb_sb_noss',
    ],
    [
      'masks a Baidu search (wd)',
      'https://www.baidu.com/s?wd=%E4%BD%A0%E5%A5%BD&ie=utf-8',
      'https://www.baidu.com/s?wd=***&ie=utf-8',
    ],
    [
      'masks an eBay search (_nkw)',
      'https://www.ebay.com/sch/i.html?_nkw=ring&_sacat=0',
      'https://www.ebay.com/sch/i.html?_nkw=***&_sacat=0',
    ],
    [
      'masks a search in Cyrillic',
      'https://yandex.ru/search/?text=%D0%B8%D0%B2%D0%B0%D0%BD&lr=213',
      'https://yandex.ru/search/?text=***&lr=213',
    ],
    // OAuth and login
    [
      'masks an OAuth code and state in the query',
      'https://app.example.com/callback?code=4/0AX4XfWh&state=af0ifjsldkj&scope=openid',
      'https://app.example.com/callback?code=***&state=***&scope=openid',
    ],
    [
      'cleans an OAuth implicit-flow fragment',
      'https://app.example.com/callback#access_token=eyJhbGciOiJIUzI1NiJ9.abc&token_type=Bearer&expires_in=3600&state=xyz',
      'https://app.example.com/callback#access_token=***&token_type=***&expires_in=3600&state=***',
    ],
    [
      'cleans an id_token fragment and drops tracking from the query',
      'https://app.example.com/cb?utm_content=x#id_token=eyJ0eXAi.eyJzdWIi.sig',
      'https://app.example.com/cb#id_token=***',
    ],
    [
      'masks a password reset token in the query',
      'https://example.com/reset-password?token=a1b2c3d4e5f6a1b2c3d4e5f6a1b2',
      'https://example.com/reset-password?token=***',
    ],
    [
      'masks a password reset token in the path (Laravel style) and the email beside it',
      'https://example.com/password/reset/a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4?email=jane%40example.com',
      'https://example.com/password/reset/***?email=***',
    ],
    [
      'masks a Django reset link token but keeps the short uid',
      'https://example.com/reset/MQ/c2ld0g-8f14e45fceea167a5a36dedd4bea2543/',
      'https://example.com/reset/MQ/***/',
    ],
    [
      'masks a magic login link (email and token in the query)',
      'https://example.com/login/magic?email=jane%40example.com&t=a8F3kLm2Pq9Rs7Tu1Vw5Xy0Z',
      'https://example.com/login/magic?email=***&t=***',
    ],
    [
      'masks a magic login link whose token is a JWT in the path',
      'https://example.com/auth/magic-link/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N',
      'https://example.com/auth/magic-link/***',
    ],
    ['masks a session id', 'https://example.com/?sessionid=abc123&lang=en', 'https://example.com/?sessionid=***&lang=en'],
    [
      'masks a session id whatever its case',
      'https://example.com/p?id=1234&PHPSESSID=x9',
      'https://example.com/p?id=1234&PHPSESSID=***',
    ],
    [
      'masks camelCase secret keys',
      'https://example.com/p?accessToken=abc&sessionId=42&resetToken=x&userEmail=j&pageSize=20',
      'https://example.com/p?accessToken=***&sessionId=***&resetToken=***&userEmail=***&pageSize=20',
    ],
    [
      'masks a signature',
      'https://cdn.example.com/f.pdf?X-Amz-Signature=abc123&X-Amz-Expires=300',
      'https://cdn.example.com/f.pdf?X-Amz-Signature=***&X-Amz-Expires=300',
    ],
    [
      'cleans a return URL carried in a parameter',
      'https://example.com/login?next=https%3A%2F%2Fexample.com%2Freset%3Ftoken%3Dabc123%26utm_source%3Dmail',
      'https://example.com/login?next=https%3A%2F%2Fexample.com%2Freset%3Ftoken%3D***',
    ],
    // Personal data
    [
      'masks an email parameter',
      'https://example.com/unsubscribe?email=jane%40example.com',
      'https://example.com/unsubscribe?email=***',
    ],
    [
      'masks any value containing @',
      'https://example.com/page?ref=newsletter&foo=jane@example.com',
      'https://example.com/page?ref=newsletter&foo=***',
    ],
    ['masks a phone parameter', 'https://example.com/p?phone=%2B4930123456', 'https://example.com/p?phone=***'],
    [
      'masks a phone number inside a free-text value',
      'https://example.com/p?note=call+555-123-4567',
      'https://example.com/p?note=call+***-***-**67',
    ],
    [
      'masks names and addresses',
      'https://shop.example.com/checkout?first_name=Jane&lastName=Doe&address=Main+St+1&zip=10115&step=2',
      'https://shop.example.com/checkout?first_name=***&lastName=***&address=***&zip=***&step=2',
    ],
    [
      'masks a long token-like value under any key',
      'https://example.com/p?x=a8F3kLm2Pq9Rs7Tu1Vw5Xy0Z',
      'https://example.com/p?x=***',
    ],
    ['masks an email in the path', 'https://example.com/users/jane@example.com/profile', 'https://example.com/users/***/profile'],
    [
      'masks a percent-encoded email in the path',
      'https://example.com/users/jane%40example.com/profile',
      'https://example.com/users/***/profile',
    ],
    // Shops
    [
      'masks a Shopify checkout token in the path and the key parameter',
      'https://shop.example.com/checkouts/cn/Z2NwLWV1cm9wZS13ZXN0NDowMUhYWjBQ?key=8f14e45fceea167a5a36dedd4bea2543',
      'https://shop.example.com/checkouts/cn/***?key=***',
    ],
    [
      'masks a classic Shopify checkout token and keeps the step',
      'https://shop.example.com/12345/checkouts/c1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6?step=contact_information',
      'https://shop.example.com/12345/checkouts/***?step=contact_information',
    ],
    // Fragments
    ['keeps a route fragment', 'https://shop.example.com/#/cart', 'https://shop.example.com/#/cart'],
    ['keeps a hashbang route', 'https://mail.example.com/#!/inbox', 'https://mail.example.com/#!/inbox'],
    [
      'keeps a route fragment with its own query',
      'https://example.com/app#/orders/42?tab=items',
      'https://example.com/app#/orders/42?tab=items',
    ],
    [
      'masks a token in a route fragment query',
      'https://example.com/#/reset?token=abc123&next=/home',
      'https://example.com/#/reset?token=***&next=%2Fhome',
    ],
    [
      'masks an email in a route fragment path',
      'https://example.com/#/users/jane@example.com',
      'https://example.com/#/users/***',
    ],
    ['keeps an in-page anchor', 'https://example.com/docs#section-2', 'https://example.com/docs#section-2'],
    ['drops a fragment that is a bare token', 'https://example.com/#a8F3kLm2Pq9Rs7Tu1Vw5Xy0Z1234', 'https://example.com/'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeUrl(input)).toBe(expected);
  });

  it.each([
    ['a shop page', 'https://shop.example.com/products/running-shoes?color=red&size=42'],
    ['a slug with a year and an edition', 'https://shop.example.com/products/best-running-shoes-2026-edition'],
    ['a UUID resource id', 'https://example.com/orders/550e8400-e29b-41d4-a716-446655440000'],
    ['an Amazon product id', 'https://www.amazon.de/dp/B08N5WRWNW'],
    ['a page number and sort order', 'https://shop.example.com/c/shoes?page=3&sort=price_asc'],
    ['a parameter whose value merely is "s"', 'https://example.com/p?filter=s'],
    ['a key that merely contains "card"', 'https://example.com/p?cardinality=3'],
    ['repeated keys', 'https://example.com/p?tag=a&tag=b'],
    ['an http URL on a port', 'http://127.0.0.1:43121/cart.html'],
  ])('leaves %s unchanged', (_name, url) => {
    expect(sanitizeUrl(url)).toBe(url);
  });

  it.each([
    ['plain text', 'not a url'],
    ['a relative path', '/relative/path?q=x'],
    ['an empty string', ''],
    ['a bare host', 'example.com/?q=secret'],
  ])('returns %s unchanged because it is not an absolute URL', (_name, input) => {
    expect(sanitizeUrl(input)).toBe(input);
  });

  it.each([
    'https://jane:hunter2@example.com/users/jane@example.com?q=hunter2&token=hunter2#access_token=hunter2',
    'https://example.com/#/reset?token=hunter2',
    'https://example.com/login?next=https%3A%2F%2Fexample.com%2F%3Fpassword%3Dhunter2',
  ])('never keeps the planted secret in %s', (url) => {
    const out = sanitizeUrl(url);
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('jane');
  });

  it('gives the same URL when run twice', () => {
    const once = sanitizeUrl('https://u:p@example.com/a@b.c/x?q=1&utm_source=y&token=z#/cart?session=1');
    expect(sanitizeUrl(once)).toBe(once);
  });
});
