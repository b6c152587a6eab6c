// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type OwnerView, shownOwner } from '@/components/findings/owner-labels';
import { TouchpointEditor } from '@/components/findings/TouchpointEditor';

const initial = { emotion: 1 as const, effort: 2 as const, note: '', stage: '', tags: [] };
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function edit(owner?: OwnerView) {
  root = document.createElement('div');
  document.body.append(root);
  const onSave = vi.fn();
  act(() =>
    render(
      <TouchpointEditor
        heading="Edit"
        initial={initial}
        stages={['purchase']}
        busy={false}
        onSave={onSave}
        onCancel={vi.fn()}
        owner={owner}
      />,
      root,
    ),
  );
  const save = () =>
    act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
  return { onSave, save, select: root.querySelector<HTMLSelectElement>('select[name="owner"]') };
}

describe('TouchpointEditor owner', () => {
  it('has no owner picker, and saves no owner, unless given one', () => {
    const { onSave, save, select } = edit();
    expect(select).toBeNull();
    save();
    expect(onSave.mock.calls[0]![0]).not.toHaveProperty('owner');
  });

  it('offers the suggestion first and saves the owner picked, or null for the suggestion', () => {
    const { onSave, save, select } = edit({ stored: 'partner', suggestion: 'brand' });
    expect(select!.value).toBe('partner');
    expect(select!.options[0]!.textContent).toBe('ownerUseSuggestion');
    save();
    act(() => {
      select!.value = '';
      select!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    save();
    expect(onSave.mock.calls.map((call) => call[0].owner)).toEqual(['partner', null]);
  });
});

describe('shownOwner', () => {
  it.each([
    [
      { stored: 'customer', suggestion: 'brand' },
      { owner: 'customer', suggested: false },
    ],
    [
      { stored: null, suggestion: 'external' },
      { owner: 'external', suggested: true },
    ],
    [{ stored: null, suggestion: null }, null],
  ] as const)('shows %j as %j', (view, shown) => {
    expect(shownOwner(view)).toEqual(shown);
  });
});
