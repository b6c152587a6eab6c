// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventTarget, startPicker } from '@/lib/capture/picker';

const SWALLOWED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick'] as const;

function mouse(type: string, init: MouseEventInit = {}): MouseEvent {
  return new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, ...init });
}

function key(keyName: string): KeyboardEvent {
  return new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, composed: true });
}

function wheel(deltaY: number, init: WheelEventInit = {}): WheelEvent {
  const event = new WheelEvent('wheel', { deltaY, bubbles: true, cancelable: true, composed: true, ...init });
  // happy-dom's WheelEvent takes no modifier keys from its init; browsers' do.
  for (const name of ['altKey', 'shiftKey', 'ctrlKey'] as const)
    Object.defineProperty(event, name, { value: init[name] ?? false });
  return event;
}

function byId(id: string): HTMLElement {
  return document.getElementById(id)!;
}

describe('startPicker', () => {
  let controller: AbortController;
  let onHover: ReturnType<typeof vi.fn<(element: Element | null) => void>>;
  let onPick: ReturnType<typeof vi.fn<(element: Element) => void>>;
  let onCancel: ReturnType<typeof vi.fn<() => void>>;
  let host: HTMLElement;
  let shadowButton: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = `
      <main>
        <a id="link" href="#/elsewhere">Go elsewhere</a>
        <form id="form"><button id="submit" type="submit">Pay</button></form>
        <p id="text">Some <b id="bold">bold</b> text</p>
      </main>
      <div id="waymark-host"><span id="host-child">Our light-DOM UI</span></div>`;
    host = byId('waymark-host');
    shadowButton = document.createElement('button');
    shadowButton.id = 'card-save';
    host.attachShadow({ mode: 'open' }).append(shadowButton);
    controller = new AbortController();
    onHover = vi.fn();
    onPick = vi.fn();
    onCancel = vi.fn();
    startPicker({ win: window, signal: controller.signal, ignore: (el) => el === host, onHover, onPick, onCancel });
  });

  afterEach(() => controller.abort());

  it.each(['link', 'submit', 'text', 'bold'])('reports the element under the pointer (#%s)', (id) => {
    byId(id).dispatchEvent(mouse('mousemove'));
    expect(onHover).toHaveBeenCalledExactlyOnceWith(byId(id));
  });

  it('reports null when the pointer leaves the page', () => {
    document.documentElement.dispatchEvent(new MouseEvent('mouseleave'));
    expect(onHover).toHaveBeenCalledExactlyOnceWith(null);
  });

  it.each(['link', 'submit', 'text', 'bold'])('picks the clicked element (#%s) and prevents its default action', (id) => {
    const click = mouse('click');
    byId(id).dispatchEvent(click);
    expect(onPick).toHaveBeenCalledExactlyOnceWith(byId(id));
    expect(click.defaultPrevented).toBe(true);
  });

  it('hides the click from page listeners on the element, its ancestors and the document', () => {
    const seen: string[] = [];
    const link = byId('link');
    link.addEventListener('click', () => seen.push('element'));
    link.addEventListener('click', () => seen.push('element capture'), true);
    byId('form').parentElement!.addEventListener('click', () => seen.push('ancestor'));
    document.addEventListener('click', () => seen.push('document capture'), true);
    link.onclick = () => seen.push('onclick');
    link.dispatchEvent(mouse('click'));
    expect(onPick).toHaveBeenCalledOnce();
    expect(seen).toEqual([]);
  });

  it.each(SWALLOWED)('swallows %s so the page cannot react to the press', (type) => {
    const pageListener = vi.fn();
    const link = byId('link');
    link.addEventListener(type, pageListener);
    const event = mouse(type);
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(pageListener).not.toHaveBeenCalled();
  });

  it('swallows a form submit', () => {
    const pageListener = vi.fn();
    const form = byId('form');
    form.addEventListener('submit', pageListener);
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(pageListener).not.toHaveBeenCalled();
  });

  it('cancels on Escape and hides the key from the page', () => {
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    const escapeKey = key('Escape');
    byId('text').dispatchEvent(escapeKey);
    expect(onCancel).toHaveBeenCalledOnce();
    expect(escapeKey.defaultPrevented).toBe(true);
    expect(pageListener).not.toHaveBeenCalled();
  });

  it.each(['Enter', 'a', 'Tab', 'Esc'])('ignores the %s key', (name) => {
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    const event = key(name);
    byId('text').dispatchEvent(event);
    expect(onCancel).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
    expect(pageListener).toHaveBeenCalledOnce();
  });

  it.each([
    ['the ignored host itself', () => host],
    ['a light-DOM child of the ignored host', () => byId('host-child')],
    ['a button in the open shadow root of the ignored host', () => shadowButton],
  ])('never picks or hovers %s, and leaves its clicks alone', (_name, target) => {
    const ownListener = vi.fn();
    target().addEventListener('click', ownListener);
    const click = mouse('click');
    target().dispatchEvent(click);
    target().dispatchEvent(mouse('mousemove'));
    const press = mouse('mousedown');
    target().dispatchEvent(press);
    expect(onPick).not.toHaveBeenCalled();
    expect(onHover).toHaveBeenCalledExactlyOnceWith(null);
    expect(click.defaultPrevented).toBe(false);
    expect(press.defaultPrevented).toBe(false);
    expect(ownListener).toHaveBeenCalledOnce();
  });

  it('moves the highlight to the parent with ArrowUp, back with ArrowDown, and picks it with Enter', () => {
    byId('bold').dispatchEvent(mouse('mousemove'));
    window.dispatchEvent(key('ArrowUp'));
    expect(onHover).toHaveBeenLastCalledWith(byId('text'));
    window.dispatchEvent(key('ArrowUp'));
    expect(onHover).toHaveBeenLastCalledWith(document.querySelector('main'));
    window.dispatchEvent(key('ArrowDown'));
    expect(onHover).toHaveBeenLastCalledWith(byId('text'));
    window.dispatchEvent(key('ArrowDown'));
    expect(onHover).toHaveBeenLastCalledWith(byId('bold'));
    window.dispatchEvent(key('ArrowUp'));
    // Moving the pointer inside the chosen element keeps the choice.
    byId('bold').dispatchEvent(mouse('mousemove'));
    const enter = key('Enter');
    window.dispatchEvent(enter);
    expect(onPick).toHaveBeenCalledExactlyOnceWith(byId('text'));
    expect(enter.defaultPrevented).toBe(true);
  });

  it('stops at <body> going up and goes to the first child going down', () => {
    document.querySelector('main')!.dispatchEvent(mouse('mousemove'));
    window.dispatchEvent(key('ArrowUp'));
    window.dispatchEvent(key('ArrowUp'));
    expect(onHover).toHaveBeenLastCalledWith(document.body);
    window.dispatchEvent(key('ArrowDown'));
    window.dispatchEvent(key('ArrowDown'));
    expect(onHover).toHaveBeenLastCalledWith(byId('link'));
  });

  it('moves the highlight with Alt+wheel (up to the parent, down back) and keeps it from scrolling', () => {
    byId('bold').dispatchEvent(mouse('mousemove'));
    const up = wheel(-100, { altKey: true });
    byId('bold').dispatchEvent(up);
    expect(onHover).toHaveBeenLastCalledWith(byId('text'));
    expect(up.defaultPrevented).toBe(true);
    byId('bold').dispatchEvent(wheel(-100, { altKey: true }));
    expect(onHover).toHaveBeenLastCalledWith(document.querySelector('main'));
    byId('bold').dispatchEvent(wheel(100, { altKey: true }));
    expect(onHover).toHaveBeenLastCalledWith(byId('text'));
  });

  it('leaves a wheel without Alt to the page: it scrolls, the highlight stays', () => {
    byId('bold').dispatchEvent(mouse('mousemove'));
    for (const init of [{}, { shiftKey: true }, { ctrlKey: true }]) {
      const plain = wheel(-100, init);
      byId('bold').dispatchEvent(plain);
      expect(plain.defaultPrevented).toBe(false);
    }
    expect(onHover).toHaveBeenCalledOnce();
  });

  it('adds up small touchpad deltas to one step, and counts a line-mode notch as one', () => {
    byId('bold').dispatchEvent(mouse('mousemove'));
    for (const delta of [-10, -15, -20]) byId('bold').dispatchEvent(wheel(delta, { altKey: true }));
    expect(onHover).toHaveBeenCalledOnce();
    byId('bold').dispatchEvent(wheel(-10, { altKey: true }));
    expect(onHover).toHaveBeenLastCalledWith(byId('text'));
    byId('bold').dispatchEvent(wheel(3, { altKey: true, deltaMode: 1 }));
    expect(onHover).toHaveBeenLastCalledWith(byId('bold'));
  });

  it('hovers and picks an element inside an open shadow root of the page', () => {
    const widget = document.createElement('gift-wrap');
    document.querySelector('main')!.append(widget);
    const wrap = document.createElement('button');
    wrap.textContent = 'Add gift wrap';
    widget.attachShadow({ mode: 'open' }).append(wrap);
    wrap.dispatchEvent(mouse('mousemove'));
    expect(onHover).toHaveBeenLastCalledWith(wrap);
    // Up from the shadow root's top element reaches the host, down goes back in.
    window.dispatchEvent(key('ArrowUp'));
    expect(onHover).toHaveBeenLastCalledWith(widget);
    window.dispatchEvent(key('ArrowDown'));
    expect(onHover).toHaveBeenLastCalledWith(wrap);
    const click = mouse('click');
    wrap.dispatchEvent(click);
    expect(onPick).toHaveBeenCalledExactlyOnceWith(wrap);
    expect(click.defaultPrevented).toBe(true);
  });

  it('leaves the arrow keys and Enter to the page until something is highlighted', () => {
    const arrow = key('ArrowUp');
    window.dispatchEvent(arrow);
    expect(arrow.defaultPrevented).toBe(false);
    expect(onHover).not.toHaveBeenCalled();
  });

  it('removes every listener when the signal aborts', () => {
    controller.abort();
    const link = byId('link');
    const pageListener = vi.fn();
    link.addEventListener('click', pageListener);
    const events = [
      mouse('mousemove'),
      mouse('click'),
      ...SWALLOWED.map((type) => mouse(type)),
      key('Escape'),
      wheel(-100, { altKey: true }),
    ];
    for (const event of events) link.dispatchEvent(event);
    document.documentElement.dispatchEvent(new MouseEvent('mouseleave'));
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    byId('form').dispatchEvent(submit);
    expect(onHover).not.toHaveBeenCalled();
    expect(onPick).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
    expect(pageListener).toHaveBeenCalledOnce();
    expect(events.some((event) => event.defaultPrevented)).toBe(false);
    expect(submit.defaultPrevented).toBe(false);
  });
});

describe('eventTarget', () => {
  it('looks into an open shadow root for the innermost element', () => {
    document.body.innerHTML = '<x-widget id="widget"></x-widget>';
    const inner = document.createElement('span');
    byId('widget').attachShadow({ mode: 'open' }).append(inner);
    let found: Element | null = null;
    window.addEventListener('click', (event) => (found = eventTarget(event, () => false)), { once: true, capture: true });
    inner.dispatchEvent(mouse('click'));
    expect(found).toBe(inner);
  });

  it('returns null for an event that did not hit an element', () => {
    let found: Element | null | undefined;
    window.addEventListener('keydown', (event) => (found = eventTarget(event, () => false)), { once: true, capture: true });
    window.dispatchEvent(key('x'));
    expect(found).toBeNull();
  });
});
