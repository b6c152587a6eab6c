import { describe, expect, it } from 'vitest';
import { addSite, blockingSite, normalizeSite } from '@/lib/capture/site-list';

describe('normalizeSite', () => {
  it.each([
    ['bank.example', 'bank.example'],
    ['  WWW.Bank.Example  ', 'bank.example'],
    ['https://www.bank.example/login?x=1', 'bank.example'],
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['mail.bank.example.', 'mail.bank.example'],
    ['', ''],
    ['not a site', ''],
    ['javascript:alert(1)', ''],
  ])('reads %j as %j', (input, site) => {
    expect(normalizeSite(input)).toBe(site);
  });
});

describe('blockingSite', () => {
  const sites = ['bank.example', '127.0.0.1'];
  it.each([
    ['https://bank.example/', 'bank.example'],
    ['https://online.bank.example/pay', 'bank.example'],
    ['http://127.0.0.1:4000/cart', '127.0.0.1'],
    ['https://notbank.example/', undefined],
    ['https://bank.example.evil.test/', undefined],
    ['chrome://version', undefined],
    ['not a url', undefined],
  ])('for %s answers %j', (url, site) => {
    expect(blockingSite(url, sites)).toBe(site);
  });
});

describe('addSite', () => {
  it('adds once, normalized and sorted; ignores what is not a site', () => {
    expect(addSite(['shop.example'], 'https://www.Bank.example/x')).toEqual(['bank.example', 'shop.example']);
    expect(addSite(['bank.example'], 'bank.example')).toEqual(['bank.example']);
    expect(addSite(['bank.example'], '???')).toEqual(['bank.example']);
  });
});
