import { useCallback, useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/i18n';
import { draftOf, newStudyDraft, type StudyDraft } from '@/components/journeys/study-draft';
import type { StudyInput } from '@/lib/messages/protocol';
import type { Study } from '@/lib/model/study';
import { onUiNoticeSettled } from '@/lib/platform/notices';
import { request } from '@/lib/platform/transport';

/** The study open in the form: its values when opened, and whether it is stored yet. */
export interface OpenStudy {
  draft: StudyDraft;
  isNew: boolean;
  /** Changes when another study is opened, so the form starts from its values. */
  key: number;
}

/** The journeys page's studies: the list from the worker, the one being edited, save and delete. */
export function useStudies() {
  const t = useT();
  const [studies, setStudies] = useState<Study[]>();
  const [open, setOpen] = useState<OpenStudy>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string }>();

  const refresh = useCallback(async () => {
    const result = await request('study.list', {});
    if (result.ok) setStudies(result.value);
    else setNotice({ kind: 'error', text: t('errorGeneric', result.error.message) });
  }, []);

  useEffect(() => {
    void refresh();
    return onUiNoticeSettled(() => void refresh(), 500);
  }, [refresh]);

  const show = (draft: StudyDraft, isNew: boolean) => {
    setNotice(undefined);
    setOpen({ draft, isNew, key: Date.now() });
  };

  return {
    studies,
    open,
    busy,
    notice,
    edit: (study: Study) => show(draftOf(study), false),
    create: () => show(newStudyDraft(), true),
    close: () => setOpen(undefined),
    save: async (study: StudyInput) => {
      setBusy(true);
      const result = await request('study.save', { study });
      if (result.ok) {
        setOpen((current) => current && { ...current, isNew: false });
        setNotice({ kind: 'info', text: t('studySaved') });
        await refresh();
      } else setNotice({ kind: 'error', text: t('errorGeneric', result.error.message) });
      setBusy(false);
    },
    remove: async () => {
      if (!open) return;
      setBusy(true);
      const result = await request('study.delete', { studyId: open.draft.id });
      if (result.ok) {
        setOpen(undefined);
        setNotice({ kind: 'info', text: t('studyDeleted') });
        await refresh();
      } else setNotice({ kind: 'error', text: t('studyDeleteRefused', result.error.message) });
      setBusy(false);
    },
  };
}
