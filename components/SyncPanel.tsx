import { useEffect, useState } from 'preact/hooks';
import type { SyncSetup } from '../lib/sync/sync-setup';
import { SYNC_INTERVALS } from '../lib/sync/sync-setup';
import type { SyncStatus } from '../lib/sync/sync-status';
import { type MessageKey, useT } from './i18n';

export interface SyncPanelProps {
  /** The status from the worker; `undefined` while loading. */
  status?: SyncStatus;
  busy: boolean;
  /** A problem the page found before asking the worker (e.g. permission refused), already in words. */
  notice?: string;
  formatDateTime: (iso: string) => string;
  formatNumber: (n: number) => string;
  onSave: (setup: SyncSetup) => void;
  onSyncNow: () => void;
}

const ERROR_KEYS: Partial<Record<NonNullable<SyncStatus['lastError']>['code'], MessageKey>> = {
  unauthorized: 'syncErrorUnauthorized',
  'folder-not-found': 'syncErrorFolder',
  unreachable: 'syncErrorUnreachable',
  'wrong-passphrase': 'syncErrorPassphrase',
};

/** "Team sync": the WebDAV folder, credentials, optional encryption, and the status of the last sync. */
export function SyncPanel({ status, busy, notice, formatDateTime, formatNumber, onSave, onSyncNow }: SyncPanelProps) {
  const t = useT();
  const [form, setForm] = useState({
    enabled: true,
    url: '',
    user: '',
    password: '',
    encrypt: false,
    passphrase: '',
    interval: 15,
  });
  useEffect(() => {
    if (!status) return;
    setForm((f) => ({
      ...f,
      enabled: status.configured ? status.enabled : true,
      url: status.url,
      user: status.user,
      encrypt: status.encrypted,
      interval: status.intervalMinutes,
    }));
  }, [status]);
  const set = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });
  const error = status?.lastError;
  const errorKey = error && ERROR_KEYS[error.code];
  return (
    <section class="wm-panel" aria-labelledby="wm-sync-heading" data-panel="team-sync">
      <h2 id="wm-sync-heading">{t('syncHeading')}</h2>
      <p class="wm-hint-text">{t('syncHelp')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave({
            enabled: form.enabled,
            url: form.url.trim(),
            user: form.user.trim(),
            password: form.password,
            passphrase: form.encrypt ? form.passphrase || null : '',
            intervalMinutes: form.interval,
          });
          setForm({ ...form, password: '', passphrase: '' });
        }}
      >
        <label class="wm-check">
          <input
            type="checkbox"
            name="syncEnabled"
            checked={form.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
          />
          {t('syncEnabled')}
        </label>
        <label class="wm-field">
          <span>{t('syncUrl')}</span>
          <input
            name="syncUrl"
            type="url"
            dir="ltr"
            value={form.url}
            placeholder="https://cloud.example/remote.php/dav/files/me/Waymark/"
            onInput={(e) => set({ url: e.currentTarget.value })}
          />
        </label>
        <label class="wm-field">
          <span>{t('syncUser')}</span>
          <input
            name="syncUser"
            dir="ltr"
            autocomplete="username"
            value={form.user}
            onInput={(e) => set({ user: e.currentTarget.value })}
          />
        </label>
        <label class="wm-field">
          <span>{t('syncPassword')}</span>
          <input
            name="syncPassword"
            type="password"
            autocomplete="current-password"
            value={form.password}
            placeholder={status?.hasPassword ? t('syncKeepSaved') : ''}
            onInput={(e) => set({ password: e.currentTarget.value })}
          />
        </label>
        <label class="wm-check">
          <input
            type="checkbox"
            name="syncEncrypt"
            checked={form.encrypt}
            onChange={(e) => set({ encrypt: e.currentTarget.checked })}
          />
          {t('syncEncrypt')}
        </label>
        {form.encrypt && (
          <label class="wm-field">
            <span>{t('syncPassphrase')}</span>
            <input
              name="syncPassphrase"
              type="password"
              autocomplete="off"
              value={form.passphrase}
              placeholder={status?.encrypted ? t('syncKeepSaved') : ''}
              onInput={(e) => set({ passphrase: e.currentTarget.value })}
            />
          </label>
        )}
        <label class="wm-field">
          <span>{t('syncInterval')}</span>
          <select
            name="syncInterval"
            value={String(form.interval)}
            onChange={(e) => set({ interval: Number(e.currentTarget.value) })}
          >
            {SYNC_INTERVALS.map((m) => (
              <option key={m} value={String(m)}>
                {t('syncMinutes', formatNumber(m))}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="wm-button" data-action="sync-save" disabled={busy}>
          {t('syncSave')}
        </button>
        {status?.enabled && (
          <button type="button" class="wm-button" data-action="sync-now" disabled={busy} onClick={onSyncNow}>
            {t('syncNow')}
          </button>
        )}
      </form>
      {notice && (
        <p class="wm-notice" role="alert" data-kind="error">
          {notice}
        </p>
      )}
      {status?.configured && <SyncStatusView status={status} formatDateTime={formatDateTime} formatNumber={formatNumber} />}
      {error && (
        <p class="wm-notice" role="alert" data-kind="error" data-sync-error={error.code}>
          {errorKey ? t(errorKey) : t('syncErrorOther', error.message)}
        </p>
      )}
    </section>
  );
}

function SyncStatusView({
  status,
  formatDateTime,
  formatNumber,
}: Pick<SyncPanelProps, 'formatDateTime' | 'formatNumber'> & { status: SyncStatus }) {
  const t = useT();
  return (
    <div class="wm-sync-status" role="status" data-sync-status>
      <p class="wm-hint-text" data-sync-last>
        {status.lastSyncAt ? t('syncLast', formatDateTime(status.lastSyncAt)) : t('syncNever')}
      </p>
      <p class="wm-hint-text" data-sync-pending={status.pending}>
        {t('syncPending', formatNumber(status.pending))}
      </p>
      {status.nextAttemptAt && <p class="wm-hint-text">{t('syncNextTry', formatDateTime(status.nextAttemptAt))}</p>}
      {status.lastRetries > 0 && <p class="wm-hint-text">{t('syncRetried', formatNumber(status.lastRetries))}</p>}
      {status.members.length > 0 && (
        <>
          <h3>{t('syncMembers')}</h3>
          <ul class="wm-sync-members">
            {status.members.map((m) => (
              <li key={m.name} data-member={m.name} data-rejected={m.rejected ? 'true' : undefined}>
                {m.rejected ? (
                  <span role="alert">{t('syncRejected', [m.name, m.rejected])}</span>
                ) : (
                  <span dir="auto">
                    {t('syncMember', [
                      m.authors.join(', ') || m.name,
                      formatNumber(m.touchpoints),
                      m.asOf ? formatDateTime(m.asOf) : '—',
                    ])}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
