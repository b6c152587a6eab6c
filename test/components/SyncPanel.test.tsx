// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncPanel, type SyncPanelProps } from '@/components/SyncPanel';
import type { SyncStatus } from '@/lib/sync/sync-status';

const folderStatus: SyncStatus = {
  configured: true,
  enabled: true,
  kind: 'folder',
  folderName: 'Team Waymark',
  url: '',
  user: '',
  hasPassword: false,
  encrypted: false,
  intervalMinutes: 15,
  lastSyncAt: null,
  lastAttemptAt: null,
  nextAttemptAt: null,
  pending: 0,
  lastError: null,
  lastRetries: 0,
  members: [],
};

function mount(overrides: Partial<SyncPanelProps>) {
  const props: SyncPanelProps = {
    busy: false,
    formatDateTime: (iso) => iso,
    formatNumber: String,
    onSave: vi.fn(),
    onSyncNow: vi.fn(),
    folderSupported: true,
    onChooseFolder: vi.fn(),
    onAllowFolder: vi.fn(),
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<SyncPanel {...props} />, root);
  return { root, props };
}

/** Preact runs effects after the next frame: wait until the form shows the status's kind. */
const settled = (root: HTMLElement, kind: string) =>
  vi.waitFor(() => expect(root.querySelector<HTMLInputElement>(`input[name="syncKind"][value="${kind}"]`)?.checked).toBe(true));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SyncPanel', () => {
  it('offers a WebDAV server or a folder, WebDAV first for a new setup', async () => {
    const { root } = mount({});
    await settled(root, 'webdav');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="syncKind"]')];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['webdav', true],
      ['folder', false],
    ]);
    expect(root.querySelector('input[name="syncUrl"]')).not.toBeNull();
  });

  it('shows the chosen folder, and "Choose folder" hands over a folder setup', async () => {
    const { root, props } = mount({ status: folderStatus });
    await settled(root, 'folder');
    expect(root.querySelector('input[name="syncUrl"]')).toBeNull();
    expect(root.querySelector('[data-sync-folder]')?.getAttribute('data-sync-folder')).toBe('Team Waymark');
    root.querySelector<HTMLButtonElement>('[data-action="sync-choose-folder"]')!.click();
    expect(props.onChooseFolder).toHaveBeenCalledWith(expect.objectContaining({ kind: 'folder', url: '', password: '' }));
  });

  it('lists the screenshots sync skipped, each with its reason, and nothing when none were', async () => {
    const skipped = [{ touchpointId: 'a1b2c3d4-0000-4000-8000-000000000001', reason: 'larger than 8 MB' }];
    const { root } = mount({ status: { ...folderStatus, skippedScreenshots: skipped } });
    await settled(root, 'folder');
    const items = [...root.querySelectorAll('[data-sync-skipped-screenshots] li')];
    expect(items.map((li) => li.getAttribute('data-skipped-screenshot'))).toEqual([skipped[0]?.touchpointId]);
    document.body.innerHTML = '';
    const { root: clean } = mount({ status: folderStatus });
    await settled(clean, 'folder');
    expect(clean.querySelector('[data-sync-skipped-screenshots]')).toBeNull();
  });

  it('says where folders are not available, and does not let a folder setup be saved', async () => {
    const { root } = mount({ status: folderStatus, folderSupported: false });
    await settled(root, 'folder');
    expect(root.querySelector('[data-sync-folder-unsupported]')?.textContent).toBe('syncFolderUnsupported');
    expect(root.querySelector('[data-action="sync-choose-folder"]')).toBeNull();
    expect(root.querySelector<HTMLButtonElement>('[data-action="sync-save"]')!.disabled).toBe(true);
  });

  it.each([
    ['permission-needed', 'syncErrorPermission', true],
    ['folder-not-found', 'syncErrorFolderGone', false],
  ] as const)('words %s for a folder and offers "Allow access again" only when asked', async (code, key, allow) => {
    const { root, props } = mount({ status: { ...folderStatus, lastError: { code, message: 'detail' } } });
    await settled(root, 'folder');
    expect(root.querySelector(`[data-sync-error="${code}"]`)?.textContent).toBe(key);
    const button = root.querySelector<HTMLButtonElement>('[data-action="sync-allow-folder"]');
    expect(button !== null).toBe(allow);
    button?.click();
    expect(props.onAllowFolder).toHaveBeenCalledTimes(allow ? 1 : 0);
  });
});
