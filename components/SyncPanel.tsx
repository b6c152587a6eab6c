import { useEffect, useState } from 'preact/hooks';
import type { SyncKind, SyncSetup } from '../lib/sync/sync-setup';
import { SYNC_INTERVALS } from '../lib/sync/sync-setup';
import type { SyncStatus } from '../lib/sync/sync-status';
import { type MessageKey, useT } from './i18n';
import { SyncFolderFields } from './SyncFolderFields';

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
  /** Whether this browser can pick a folder (not Firefox). */
  folderSupported: boolean;
  /** "Choose folder": pick one (this click is the picker's user gesture), then save `setup` with it and sync. */
  onChooseFolder: (setup: SyncSetup) => void;
  /** "Allow access again": ask the browser for the folder's permission (this click is the gesture), then sync. */
  onAllowFolder: () => void;
}

const ERROR_KEYS: Partial<Record<NonNullable<SyncStatus['lastError']>['code'], MessageKey>> = {
  unauthorized: 'syncErrorUnauthorized',
  'folder-not-found': 'syncErrorFolder',
  'permission-needed': 'syncErrorPermission',
  unreachable: 'syncErrorUnreachable',
  'wrong-passphrase': 'syncErrorPassphrase',
};

/**
 * "Team sync": where the team's files are (a WebDAV server with its
 * credentials, or a folder on this computer), optional encryption, and the
 * status of the last sync.
 */
export function SyncPanel(props: SyncPanelProps) {
  const { status, busy, notice, formatDateTime, formatNumber, onSave, onSyncNow } = props;
  const t = useT();
  const [form, setForm] = useState({
    kind: 'webdav' as SyncKind,
    enabled: true,
    url: '',
    user: '',
    password: '',
    encrypt: false,
    passphrase: '',
    interval: 15,
  });
  // The form follows the saved settings when they change, not on every status refresh (a sync, a notice),
  // which would undo a choice the researcher is making.
  const saved = status && [status.configured, status.enabled, status.kind, status.url, status.user, status.encrypted];
  useEffect(() => {
    if (!status) return;
    setForm((f) => ({
      ...f,
      kind: status.kind,
      enabled: status.configured ? status.enabled : true,
      url: status.url,
      user: status.user,
      encrypt: status.encrypted,
      interval: status.intervalMinutes,
    }));
  }, [JSON.stringify(saved), status?.intervalMinutes]);
  const set = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });
  const error = status?.lastError;
  const folder = form.kind === 'folder';
  const errorKey = error && (folder && error.code === 'folder-not-found' ? 'syncErrorFolderGone' : ERROR_KEYS[error.code]);
  const setup = (): SyncSetup => ({
    kind: form.kind,
    enabled: form.enabled,
    url: folder ? '' : form.url.trim(),
    user: folder ? '' : form.user.trim(),
    password: folder ? '' : form.password,
    passphrase: form.encrypt ? form.passphrase || null : '',
    intervalMinutes: form.interval,
  });
  return (
    <section class="wm-panel" aria-labelledby="wm-sync-heading" aria-busy={status ? 'false' : 'true'} data-panel="team-sync">
      <h2 id="wm-sync-heading">{t('syncHeading')}</h2>
      <p class="wm-hint-text">{t('syncHelp')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave(setup());
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
        <fieldset class="wm-choice">
          <legend>{t('syncWhere')}</legend>
          {(['webdav', 'folder'] as const).map((kind) => (
            <label key={kind}>
              <input type="radio" name="syncKind" value={kind} checked={form.kind === kind} onChange={() => set({ kind })} />
              {t(kind === 'webdav' ? 'syncKindWebdav' : 'syncKindFolder')}
            </label>
          ))}
        </fieldset>
        {folder ? (
          <SyncFolderFields
            supported={props.folderSupported}
            folderName={status?.folderName ?? ''}
            busy={busy}
            onChoose={() => props.onChooseFolder(setup())}
          />
        ) : (
          <>
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
          </>
        )}
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
        <button
          type="submit"
          class="wm-button"
          data-action="sync-save"
          disabled={busy || (folder && !(props.folderSupported && status?.folderName))}
        >
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
      {folder && error?.code === 'permission-needed' && props.folderSupported && (
        <button type="button" class="wm-button" data-action="sync-allow-folder" disabled={busy} onClick={props.onAllowFolder}>
          {t('syncAllowAgain')}
        </button>
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
                  <span>
                    {t('syncMember', [
                      isolate(m.authors.join(', ') || m.name),
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
      {(status.skippedScreenshots?.length ?? 0) > 0 && (
        <>
          <h3>{t('syncScreenshotsSkipped')}</h3>
          <ul class="wm-sync-members" data-sync-skipped-screenshots>
            {status.skippedScreenshots?.map((s) => (
              <li key={s.touchpointId} data-skipped-screenshot={s.touchpointId}>
                {t('syncRejected', [`screenshots/${s.touchpointId}`, s.reason])}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Wraps a teammate's text in Unicode isolates, so a Persian name keeps an English sentence in order (and the reverse). */
const isolate = (text: string) => `\u2068${text}\u2069`;
