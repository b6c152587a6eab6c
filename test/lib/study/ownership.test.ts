import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_SITES, externalSiteOf } from '@/lib/study/external-sites';
import {
  effectiveOwners,
  filterByOwner,
  firmOfSite,
  matchOwner,
  ownerOf,
  suggestOwner,
  summariseByOwner,
} from '@/lib/study/ownership';
import { BRAND_SITE, OWNERSHIPS, type Ownership } from '@/lib/study/types';
import { ACME, GLOBEX, study, uuid } from './records';

const S = study();

describe('suggestOwner', () => {
  describe('on a journey on the brand', () => {
    it.each<[string, Ownership | null]>([
      ['https://initech.com/', 'brand'],
      ['https://shop.initech.com/cart', 'brand'],
      ['https://WWW.INITECH.COM/', 'brand'],
      ['https://initech.com./', 'brand'],
      ['https://initech.com:8443/', 'brand'],
      ['https://www.initech.co.uk/basket', 'brand'],
      ['https://evilinitech.com/', null],
      ['https://initech.com.evil.io/', null],
      ['https://initech.co/', null],
      ['https://www.paypal.com/checkout', 'partner'],
      ['https://dhl.de/track', 'partner'],
      ['https://acme.example/', 'external'],
      ['https://shop.acme-shop.com/', 'external'],
      ['https://globex.com/', 'external'],
      ['https://www.google.com/search?q=monstera', 'external'],
      ['https://www.google.co.uk/search?q=monstera', 'external'],
      ['https://uk.trustpilot.com/review/initech.com', 'external'],
      ['https://www.reddit.com/r/plants', 'external'],
      ['https://m.facebook.com/initech', 'external'],
      ['https://www.amazon.de/dp/123', 'external'],
      ['https://mail.google.com/mail/u/0', null],
      ['https://unknown-blog.example/', null],
      ['http://localhost:3000/', null],
      ['http://127.0.0.1:5173/', null],
      ['not a url', null],
      ['about:blank', null],
      ['chrome-extension://abc/map.html', null],
    ])('%s -> %s', (url, owner) => {
      expect(suggestOwner(url, S)).toBe(owner);
      expect(suggestOwner(url, S, BRAND_SITE)).toBe(owner);
    });
  });

  describe("on a journey on a competitor, the competitor's pages are brand-owned", () => {
    it.each<[string, string, Ownership | null]>([
      ['https://acme.example/checkout', ACME, 'brand'],
      ['https://shop.acme-shop.com/', ACME, 'brand'],
      ['https://initech.com/', ACME, 'external'],
      ['https://globex.com/', ACME, 'external'],
      ['https://www.paypal.com/', ACME, 'partner'],
      ['https://www.bing.com/search?q=x', ACME, 'external'],
      ['https://globex.com/', GLOBEX, 'brand'],
      ['https://acme.example/', GLOBEX, 'external'],
    ])('%s on %s -> %s', (url, site, owner) => {
      expect(suggestOwner(url, S, site)).toBe(owner);
    });
  });

  it("suggests nothing for a firm's pages when the journey's site is not one of the study's firms", () => {
    const gone = uuid(5, 99);
    expect(suggestOwner('https://acme.example/', S, gone)).toBeNull();
    expect(suggestOwner('https://initech.com/', S, gone)).toBeNull();
    expect(suggestOwner('https://paypal.com/', S, gone)).toBe('partner');
    expect(suggestOwner('https://www.google.com/', S, gone)).toBe('external');
  });

  it("puts the study's own domains before the curated list", () => {
    const onAmazon = study({ partners: [{ name: 'Amazon', domains: ['amazon.de'] }] });
    expect(matchOwner('https://www.amazon.de/shops/initech', onAmazon)).toEqual({
      owner: 'partner',
      domain: 'amazon.de',
      reason: { kind: 'partner', name: 'Amazon' },
    });
    const ofGoogle = study({ brand: { name: 'Google', domains: ['google.com'] } });
    expect(suggestOwner('https://mail.google.com/', ofGoogle)).toBe('brand');
  });

  it('lets the most specific domain win, then the journey site, then partners, then other firms', () => {
    const s = study({
      brand: { name: 'Initech', domains: ['initech.com'] },
      partners: [{ name: 'Adyen', domains: ['pay.initech.com'] }],
      competitors: [{ id: ACME, name: 'Acme', domains: ['shared.example'] }],
    });
    expect(suggestOwner('https://eu.pay.initech.com/', s)).toBe('partner');
    expect(suggestOwner('https://www.initech.com/', s)).toBe('brand');
    const tie = study({
      brand: { name: 'Initech', domains: ['shared.example'] },
      partners: [{ name: 'Host', domains: ['shared.example'] }],
      competitors: [{ id: ACME, name: 'Acme', domains: ['shared.example'] }],
    });
    expect(suggestOwner('https://shared.example/', tie)).toBe('brand');
    expect(suggestOwner('https://shared.example/', tie, ACME)).toBe('brand');
    expect(suggestOwner('https://shared.example/', tie, GLOBEX)).toBe('partner');
  });

  it('matches domains typed loosely, and ignores ones that are not domains', () => {
    const s = study({
      brand: {
        name: 'Bücher',
        domains: ['  WWW.Bücher.de. ', '*.buecher.at', 'https://books.example/', 'com', 'facebook.com/buecher'],
      },
    });
    expect(suggestOwner('https://xn--bcher-kva.de/', s)).toBe('brand');
    expect(suggestOwner('https://shop.bücher.de/', s)).toBe('brand');
    expect(suggestOwner('https://buecher.at/', s)).toBe('brand');
    expect(suggestOwner('https://books.example/', s)).toBe('brand');
    expect(suggestOwner('https://anything.com/', s)).toBeNull();
    expect(suggestOwner('https://www.facebook.com/buecher', s)).toBe('external');
  });

  it('matches an IP address or localhost only when the study lists it (the demo shop)', () => {
    const demo = study({ brand: { name: 'Demo', domains: ['127.0.0.1', 'localhost'] } });
    expect(suggestOwner('http://127.0.0.1:5173/cart', demo)).toBe('brand');
    expect(suggestOwner('http://127.0.0.2/', demo)).toBeNull();
    expect(suggestOwner('http://localhost:3000/', demo)).toBe('brand');
  });

  it('gives the reason and the matched domain', () => {
    expect(matchOwner('https://shop.initech.com/', S)).toEqual({
      owner: 'brand',
      domain: 'initech.com',
      reason: { kind: 'journey-site' },
    });
    expect(matchOwner('https://globex.com/', S, ACME)).toEqual({
      owner: 'external',
      domain: 'globex.com',
      reason: { kind: 'other-firm', site: GLOBEX },
    });
    expect(matchOwner('https://initech.com/', S, ACME)?.reason).toEqual({ kind: 'other-firm', site: BRAND_SITE });
    expect(matchOwner('https://www.trustpilot.com/', S)).toEqual({
      owner: 'external',
      domain: 'trustpilot.com',
      reason: { kind: 'curated', category: 'reviews' },
    });
  });

  it('never suggests customer-owned', () => {
    const urls = ['https://initech.com/', 'https://paypal.com/', 'https://google.com/', 'https://x.example/'];
    for (const site of [BRAND_SITE, ACME, GLOBEX, 'gone'])
      for (const url of urls) expect(suggestOwner(url, S, site)).not.toBe('customer');
  });

  it('gives the same suggestion whatever the case, port, www. or trailing dot of the URL (property)', () => {
    const hosts = ['initech.com', 'shop.initech.co.uk', 'paypal.com', 'acme.example', 'google.com', 'unknown.example'];
    fc.assert(
      fc.property(
        fc.constantFrom(...hosts),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: null }),
        fc.constantFrom(BRAND_SITE, ACME, GLOBEX),
        (host, upper, dot, port, site) => {
          const plain = suggestOwner(`https://${host}/`, S, site);
          const varied = `https://${upper ? host.toUpperCase() : host}${dot ? '.' : ''}${port === null ? '' : `:${port}`}/p`;
          expect(suggestOwner(varied, S, site)).toBe(plain);
          expect(suggestOwner(`https://www.${host}/`, S, site)).toBe(plain);
        },
      ),
    );
  });

  it('never matches a lookalike of a study domain (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    fc.assert(
      fc.property(label, label, (before, after) => {
        const s = study({ competitors: [], partners: [], brand: { name: 'B', domains: ['brand.example'] } });
        expect(suggestOwner(`https://${before}brand.example/`, s)).toBe(before === '' ? 'brand' : null);
        expect(suggestOwner(`https://brand.example.${after}/`, s)).toBeNull();
        expect(suggestOwner(`https://brand-example.${after}/`, s)).toBeNull();
        expect(suggestOwner(`https://${before}.brand.example/`, s)).toBe('brand');
      }),
    );
  });
});

describe('external sites', () => {
  it('lists registrable domains only: normalised, no www., no duplicates', () => {
    const all = Object.values(EXTERNAL_SITES).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const domain of all) {
      expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(domain.startsWith('www.')).toBe(false);
    }
  });

  it('covers subdomains and gives the kind', () => {
    expect(externalSiteOf('de.trustpilot.com')).toEqual({ kind: 'reviews', domain: 'trustpilot.com' });
    expect(externalSiteOf('search.brave.com')).toEqual({ kind: 'search', domain: 'search.brave.com' });
    expect(externalSiteOf('brave.com')).toBeNull();
    expect(externalSiteOf('accounts.google.com')).toBeNull();
  });
});

describe('firmOfSite', () => {
  it.each([
    ['initech.com', BRAND_SITE],
    ['https://shop.initech.co.uk/start', BRAND_SITE],
    ['www.acme-shop.com', ACME],
    ['globex.com', GLOBEX],
    ['paypal.com', null],
    ['unknown.example', null],
    ['', null],
  ])('%j -> %j', (site, firm) => {
    expect(firmOfSite(site, S)).toBe(firm);
  });
});

const tp = (n: number, emotion: -2 | -1 | 0 | 1 | 2, effort: 1 | 2 | 3 | 4 | 5 | 6 | 7, tags: string[] = []) => ({
  id: uuid(2, n),
  url: `https://initech.com/${n}`,
  emotion,
  effort,
  tags,
});

describe('effectiveOwners', () => {
  it("takes the researcher's owner, else the suggestion; a cleared owner stays cleared", () => {
    const tps = [
      { id: uuid(2, 1), url: 'https://initech.com/' },
      { id: uuid(2, 2), url: 'https://www.google.com/' },
      { id: uuid(2, 3), url: 'https://initech.com/help' },
      { id: uuid(2, 4), url: 'https://blog.example/' },
    ];
    const edited = { [uuid(2, 2)]: 'customer' as const, [uuid(2, 3)]: null };
    expect(effectiveOwners(tps, edited, S)).toEqual({
      [uuid(2, 1)]: 'brand',
      [uuid(2, 2)]: 'customer',
      [uuid(2, 3)]: null,
      [uuid(2, 4)]: null,
    });
    expect(effectiveOwners(tps, {}, S, ACME)[uuid(2, 1)]).toBe('external');
  });
});

describe('ownerOf and filterByOwner', () => {
  it('read own keys only', () => {
    expect(ownerOf({}, 'constructor')).toBeNull();
    expect(ownerOf({ a: 'brand' }, 'a')).toBe('brand');
    const tps = [{ id: 'a' }, { id: 'b' }, { id: 'toString' }];
    expect(filterByOwner(tps, { a: 'brand', b: null }, null)).toEqual([{ id: 'b' }, { id: 'toString' }]);
    expect(filterByOwner(tps, { a: 'brand', b: null }, 'brand')).toEqual([{ id: 'a' }]);
  });
});

describe('summariseByOwner', () => {
  it('gives every owner, then the unassigned, with counts, means and pain points', () => {
    const tps = [tp(1, 2, 1), tp(2, -2, 2), tp(3, 1, 6), tp(4, 0, 3, ['pain-point']), tp(5, 1, 2)];
    const owners = { [uuid(2, 1)]: 'brand', [uuid(2, 2)]: 'brand', [uuid(2, 3)]: 'partner', [uuid(2, 4)]: null } as const;
    expect(summariseByOwner(tps, owners)).toEqual([
      { owner: 'brand', count: 2, meanEmotion: 0, meanEffort: 1.5, painPoints: [uuid(2, 2)] },
      { owner: 'partner', count: 1, meanEmotion: 1, meanEffort: 6, painPoints: [uuid(2, 3)] },
      { owner: 'customer', count: 0, meanEmotion: null, meanEffort: null, painPoints: [] },
      { owner: 'external', count: 0, meanEmotion: null, meanEffort: null, painPoints: [] },
      { owner: null, count: 2, meanEmotion: 0.5, meanEffort: 2.5, painPoints: [uuid(2, 4)] },
    ]);
  });

  it('rounds means to 2 decimals', () => {
    const tps = [tp(1, 1, 1), tp(2, 0, 1), tp(3, 0, 2)];
    const [brand] = summariseByOwner(tps, { [uuid(2, 1)]: 'brand', [uuid(2, 2)]: 'brand', [uuid(2, 3)]: 'brand' });
    expect(brand).toMatchObject({ meanEmotion: 0.33, meanEffort: 1.33 });
  });

  it('partitions the touchpoints: counts add up, each id in exactly one group (property)', () => {
    const rated = fc.record({
      emotion: fc.constantFrom(-2 as const, -1 as const, 0 as const, 1 as const, 2 as const),
      effort: fc.constantFrom(1 as const, 3 as const, 5 as const, 7 as const),
      tags: fc.subarray(['pain-point', 'delight']),
      owner: fc.constantFrom<Ownership | null | undefined>(...OWNERSHIPS, null, undefined),
    });
    fc.assert(
      fc.property(fc.array(rated, { maxLength: 30 }), (drafts) => {
        const tps = drafts.map((d, i) => ({ id: uuid(2, i), emotion: d.emotion, effort: d.effort, tags: d.tags }));
        const owners = Object.fromEntries(drafts.map((d, i) => [uuid(2, i), d.owner]));
        const summary = summariseByOwner(tps, owners);
        expect(summary.map((s) => s.owner)).toEqual([...OWNERSHIPS, null]);
        expect(summary.reduce((n, s) => n + s.count, 0)).toBe(tps.length);
        for (const s of summary) {
          const group = filterByOwner(tps, owners, s.owner);
          expect(s.count).toBe(group.length);
          if (s.count === 0) expect(s).toMatchObject({ meanEmotion: null, meanEffort: null, painPoints: [] });
          else {
            expect(s.meanEmotion!).toBeGreaterThanOrEqual(-2);
            expect(s.meanEmotion!).toBeLessThanOrEqual(2);
            expect(s.meanEffort!).toBeGreaterThanOrEqual(1);
            expect(s.meanEffort!).toBeLessThanOrEqual(7);
          }
        }
        const painIds = summary.flatMap((s) => s.painPoints);
        expect(new Set(painIds).size).toBe(painIds.length);
        expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
      }),
    );
  });
});
