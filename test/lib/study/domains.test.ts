import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestDomain, domainCovers, hostOfSite, hostOfUrl, isIpAddress, normaliseDomain } from '@/lib/study/domains';

describe('hostOfUrl', () => {
  it.each([
    ['https://shop.brand.com/cart?x=1', 'shop.brand.com'],
    ['HTTPS://WWW.Brand.COM/', 'www.brand.com'],
    ['http://brand.com:8080/x', 'brand.com'],
    ['https://brand.com./', 'brand.com'],
    ['https://bücher.de/', 'xn--bcher-kva.de'],
    ['https://xn--bcher-kva.de/', 'xn--bcher-kva.de'],
    ['https://brand。com/', 'brand.com'],
    ['http://127.0.0.1:5173/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://[::1]:3000/', '[::1]'],
    ['http://localhost:3000/', 'localhost'],
    ['https://user:pw@brand.com/', 'brand.com'],
  ])('%s -> %s', (url, host) => {
    expect(hostOfUrl(url)).toBe(host);
  });

  it.each([
    'not a url',
    '',
    'brand.com',
    'about:blank',
    'file:///home/mina/a.html',
    'chrome-extension://abc/popup.html',
    'mailto:help@brand.com',
    'data:text/html,hi',
    'https://',
  ])('gives null for %j', (url) => {
    expect(hostOfUrl(url)).toBeNull();
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['brand.com', 'brand.com'],
    ['  Brand.COM  ', 'brand.com'],
    ['www.brand.com', 'brand.com'],
    ['*.brand.com', 'brand.com'],
    ['brand.com.', 'brand.com'],
    ['brand.com:8443', 'brand.com'],
    ['https://www.brand.com/', 'brand.com'],
    ['shop.brand.com', 'shop.brand.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['www.com', 'www.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
  ])('%j -> %j', (typed, domain) => {
    expect(normaliseDomain(typed)).toBe(domain);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['a single label (a TLD)', 'com'],
    ['a path', 'facebook.com/brand'],
    ['a query', 'brand.com?x=1'],
    ['a fragment', 'brand.com#top'],
    ['user info', 'mina@brand.com'],
    ['a space', 'brand com'],
    ['an empty label', 'brand..com'],
    ['another scheme', 'ftp://brand.com'],
    ['a bare wildcard', '*.'],
  ])('refuses %s', (_, typed) => {
    expect(normaliseDomain(typed)).toBeNull();
  });
});

describe('domainCovers', () => {
  it.each([
    ['brand.com', 'brand.com', true],
    ['brand.com', 'shop.brand.com', true],
    ['brand.com', 'a.b.brand.com', true],
    ['brand.com', 'evilbrand.com', false],
    ['brand.com', 'brand.com.evil.io', false],
    ['brand.com', 'brand.co', false],
    ['shop.brand.com', 'brand.com', false],
    ['shop.brand.com', 'www.shop.brand.com', true],
    ['0.0.1', '127.0.0.1', false],
    ['127.0.0.1', '127.0.0.1', true],
    ['[::1]', '[::1]', true],
    ['localhost', 'shop.localhost', true],
  ])('%s covers %s: %s', (domain, host, covers) => {
    expect(domainCovers(domain, host)).toBe(covers);
  });

  it('never lets a host that does not end in ".domain" match (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const tld = fc.stringMatching(/^[a-z]{2,6}$/); // so the domain is never an IP address, which only covers itself
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), tld, label, label, (labels, top, prefix, suffix) => {
        const domain = [...labels, top].join('.');
        expect(domainCovers(domain, `${prefix}.${domain}`)).toBe(true);
        expect(domainCovers(domain, `${prefix}${domain}`)).toBe(`${prefix}${domain}` === domain);
        expect(domainCovers(domain, `${domain}.${suffix}`)).toBe(false);
      }),
    );
  });
});

describe('isIpAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['[::1]', true],
    ['brand.com', false],
    ['1.2.3', false],
  ])('%s: %s', (host, ip) => {
    expect(isIpAddress(host)).toBe(ip);
  });
});

describe('closestDomain', () => {
  it('picks the most specific covering domain and ignores invalid entries', () => {
    expect(closestDomain(['com', 'brand.com', 'pay.brand.com', 'x/y'], 'eu.pay.brand.com')).toBe('pay.brand.com');
    expect(closestDomain(['brand.com'], 'other.com')).toBeNull();
  });
});

describe('hostOfSite', () => {
  it.each([
    ['shop.example', 'shop.example'],
    ['https://Shop.Example/start', 'shop.example'],
    ['  shop.example:8080  ', 'shop.example'],
    ['', null],
    ['not a site', null],
  ])('%j -> %j', (site, host) => {
    expect(hostOfSite(site)).toBe(host);
  });
});
