// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { maskInteraction } from '@/lib/capture/mask-interaction';
import { clickDraft, draftOf, submitDraft } from '@/lib/capture/recorder';
import { newId } from '@/lib/model/ids';
import { InteractionDraft, RawInteraction } from '@/lib/model/interaction';

const win = window as unknown as Window & typeof globalThis;
const AT = Date.parse('2026-11-25T10:00:00.000Z');

beforeEach(() => {
  document.body.innerHTML = `
    <nav><a id="cart" href="/cart">Cart (2)</a></nav>
    <main>
      <p>Signed in as <button id="account">jane.doe@example.com</button></p>
      <div><span id="inner">Add <b>to cart</b></span> in a <button id="add">Add <b>to cart</b></button></div>
      <form id="pay" aria-label="Payment"><label>Card <input id="card" value="4242 4242 4242 4242"></label>
        <input id="submit" type="submit" value="Pay now"></form>
      <div contenteditable="true"><button id="typed">hunter2</button></div>
      <p id="plain">Just text</p>
    </main>`;
  (document.getElementById('card') as HTMLInputElement).value = '4242 4242 4242 4242';
});

const click = (id: string) => clickDraft(win, document.getElementById(id), AT, newId);

describe('the recorder’s drafts', () => {
  it('describes a click on a link or button by role, name and anchor', () => {
    const draft = click('add')!;
    expect(RawInteraction.parse(draft)).toEqual(draft);
    expect(draft).toMatchObject({ kind: 'click', label: 'button "Add to cart"', at: '2026-11-25T10:00:00.000Z' });
    expect(document.querySelector(draft.anchor!.selector)).toBe(document.getElementById('add'));
    expect(click('cart')?.label).toBe('link "Cart (2)"');
  });

  it('finds the button from a click on its inner text, and ignores clicks on plain text', () => {
    const inner = document.querySelector('#add b')!;
    expect(clickDraft(win, inner, AT, newId)?.anchor?.selector).toBe(click('add')?.anchor?.selector);
    expect(click('plain')).toBeNull();
    expect(click('inner')).toBeNull();
  });

  it('never reads what was typed, in a field or an editable region', () => {
    const text = JSON.stringify([click('submit'), click('typed'), submitDraft(win, document.getElementById('pay'), AT, newId)]);
    expect(text).not.toContain('4242');
    expect(text).not.toContain('hunter2');
    expect(submitDraft(win, document.getElementById('pay'), AT, newId)?.label).toBe('form "Payment"');
  });
});

describe('maskInteraction', () => {
  it('masks personal data in the label, name and title, and secrets in the URL, before anything is stored', () => {
    const raw = {
      ...click('account')!,
      url: 'https://shop.example/account?session=abc123&utm_source=mail',
      pageTitle: 'Orders of jane.doe@example.com',
    };
    const stored = maskInteraction(raw)!;
    expect(InteractionDraft.parse(stored)).toEqual(stored);
    expect(JSON.stringify(stored)).not.toContain('jane.doe@example.com');
    expect(stored.label).toBe('button "j***@***.com"');
    expect(stored.url).not.toContain('abc123');
    expect(stored.url).not.toContain('utm_source');
  });

  it('cuts long text to the stored limits after masking', () => {
    const raw = draftOf(win, 'click', AT, newId, { label: `button "${'long '.repeat(400)}"` });
    expect(maskInteraction({ ...raw, url: 'https://shop.example/' })?.label.length).toBeLessThanOrEqual(500);
  });

  it('drops a record whose URL is not one, rather than the batch', () => {
    expect(maskInteraction({ ...draftOf(win, 'navigation', AT, newId), url: 'not a url' })).toBeNull();
  });
});
