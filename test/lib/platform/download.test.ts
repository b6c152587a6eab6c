import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { downloadBytes, downloadText } from '@/lib/platform/download';

/** Where the download was asked to come from. */
function requestedUrl(): string {
  const call = vi.mocked(fakeBrowser.downloads.download).mock.calls[0];
  return call?.[0].url ?? '';
}

describe('downloadBytes', () => {
  const createObjectURL = URL.createObjectURL;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.downloads, 'download').mockResolvedValue(7);
  });

  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('sends a data: URL where there is no URL.createObjectURL (Chrome MV3 service worker)', async () => {
    // @ts-expect-error: absent in Chrome's service worker.
    URL.createObjectURL = undefined;
    const id = await downloadText('{"a":1}', 'waymark-x.json', 'application/json');
    expect(id).toBe(7);
    expect(requestedUrl()).toBe(`data:application/json;charset=utf-8;base64,${btoa('{"a":1}')}`);
    expect(fakeBrowser.downloads.download).toHaveBeenCalledWith(
      expect.objectContaining({ filename: 'waymark-x.json', saveAs: false, conflictAction: 'uniquify' }),
    );
  });

  it('sends a blob: URL where there is one (Firefox background page, which refuses data: downloads)', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    await downloadBytes(new Uint8Array([80, 75, 3, 4]), 'waymark-x.zip', 'application/zip');
    const url = requestedUrl();
    expect(url).toMatch(/^blob:/);
    expect(revoke).not.toHaveBeenCalled();
    // Revoked late: revoking at once can cancel the download in Firefox.
    vi.advanceTimersByTime(60_000);
    expect(revoke).toHaveBeenCalledWith(url);
  });

  it('revokes the blob URL also when the browser refuses the download', async () => {
    vi.mocked(fakeBrowser.downloads.download).mockRejectedValue(new Error('Access denied'));
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    await expect(downloadText('x', 'x.txt', 'text/plain')).rejects.toThrow('Access denied');
    vi.advanceTimersByTime(60_000);
    expect(revoke).toHaveBeenCalledOnce();
  });
});
