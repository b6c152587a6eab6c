import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeXmlText, parseMultistatus } from '@/lib/sync/multistatus';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/webdav/${name}`, import.meta.url), 'utf8');

describe('parseMultistatus', () => {
  it('reads a real Apache mod_dav_fs reply (prefixed live properties, weak ETags)', () => {
    expect(parseMultistatus(fixture('apache-propfind.xml'))).toEqual([
      { href: '/dav/members/', etag: 'W/"1000-6611bc468fbb5"', collection: true, lastModified: 'Wed, 25 Nov 2026 15:49:07 GMT' },
      {
        href: '/dav/members/x.json',
        etag: 'W/"2-6611bc468fbb5"',
        collection: false,
        lastModified: 'Wed, 25 Nov 2026 15:49:07 GMT',
      },
    ]);
  });

  it('reads a Nextcloud (sabre/dav) reply: entity-quoted ETags, a 404 propstat, percent-encoded hrefs', () => {
    const entries = parseMultistatus(fixture('nextcloud-propfind.xml'));
    expect(entries.map((e) => [e.href, e.etag, e.collection])).toEqual([
      ['/remote.php/dav/files/alice/Team%20Waymark/members/', '"6751c2a4b7e21"', true],
      [
        '/remote.php/dav/files/alice/Team%20Waymark/members/0b8f6f7e-3c59-4d0c-9f55-2a1d7c1c9a01.waymark.json',
        '"9c2e1f0a3b4d5e6f7a8b9c0d1e2f3a4b"',
        false,
      ],
      ['/remote.php/dav/files/alice/Team%20Waymark/members/notes%20%26%20more.txt', '"aa&bb"', false],
    ]);
  });

  it('resolves a default DAV: namespace and CDATA, and ignores elements of other namespaces', () => {
    expect(parseMultistatus(fixture('default-namespace-propfind.xml'))).toEqual([
      { href: 'https://dav.example/team/members/b.waymark.json', etag: '"abc<1>"', collection: false, lastModified: null },
    ]);
  });

  it.each([
    ['empty text', ''],
    ['HTML error page', '<!DOCTYPE html><html><body><h1>Forbidden</h1></body></html>'],
    ['not DAV', '<multistatus xmlns="urn:x"><response><href>/a</href></response></multistatus>'],
    ['cut short', '<d:multistatus xmlns:d="DAV:"><d:response><d:href>/a'],
  ])('returns what it can, never throwing, for %s', (_name, xml) => {
    expect(() => parseMultistatus(xml)).not.toThrow();
    expect(parseMultistatus(xml).length).toBeLessThanOrEqual(1);
  });
});

describe('decodeXmlText', () => {
  it.each([
    ['&quot;a&quot;', '"a"'],
    ['&lt;&gt;&amp;&apos;', "<>&'"],
    ['&#x41;&#66;', 'AB'],
    ['&unknown; &#0;', '&unknown; &#0;'],
  ])('decodes %s', (input, output) => {
    expect(decodeXmlText(input)).toBe(output);
  });
});
