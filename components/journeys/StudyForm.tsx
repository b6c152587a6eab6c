import { useState } from 'preact/hooks';
import type { StudyInput } from '../../lib/messages/protocol';
import { STAGE_SETS, type StageSetId } from '../../lib/model/vocabulary';
import { type MessageKey, useT } from '../i18n';
import { ScriptEditor } from './ScriptEditor';
import { SiteFields, SiteRows } from './SiteRows';
import { type DraftProblem, type StudyDraft, studyOfDraft } from './study-draft';

const STAGE_SET_LABEL: Record<StageSetId, MessageKey> = {
  classic: 'studyStageSetClassic',
  decisionLoop: 'studyStageSetDecisionLoop',
};

const PERSONA_FIELDS: [keyof StudyDraft['persona'], MessageKey][] = [
  ['values', 'studyPersonaValues'],
  ['motivations', 'studyPersonaMotivations'],
  ['goals', 'studyPersonaGoals'],
  ['frustrations', 'studyPersonaFrustrations'],
  ['demographics', 'studyPersonaDemographics'],
];

export interface StudyFormProps {
  initial: StudyDraft;
  /** Whether the study is not stored yet. */
  isNew: boolean;
  /** Whether Delete is offered: not for a new study, never for the default study. */
  deletable: boolean;
  busy: boolean;
  /** The worker's answer to the last save or delete. */
  notice?: { kind: 'info' | 'error'; text: string };
  onSave: (study: StudyInput) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** Creates or edits a study: its frame (brand, competitors, partners, persona) and its script. */
export function StudyForm(props: StudyFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(props.initial);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const set = (changes: Partial<StudyDraft>) => setDraft({ ...draft, ...changes });
  const words = (name: 'tags' | 'channels', label: MessageKey) => (
    <label class="wm-field">
      <span>{t(label)}</span>
      <input name={name} value={draft[name]} dir="auto" onInput={(e) => set({ [name]: e.currentTarget.value })} />
    </label>
  );
  return (
    <form
      class="wm-study-form"
      aria-labelledby="wm-study-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const result = studyOfDraft(draft);
        setProblems(result.ok ? [] : result.problems);
        if (result.ok) props.onSave(result.study);
      }}
    >
      <h3 id="wm-study-form-heading">{props.isNew ? t('studyNew') : t('studyEditHeading', props.initial.name || draft.name)}</h3>
      <label class="wm-field">
        <span>{t('studyName')}</span>
        <input
          name="name"
          required
          maxLength={200}
          value={draft.name}
          dir="auto"
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </label>
      <label class="wm-field">
        <span>{t('studyGoal')}</span>
        <textarea
          name="goal"
          rows={2}
          maxLength={2000}
          value={draft.goal}
          dir="auto"
          onInput={(e) => set({ goal: e.currentTarget.value })}
        />
      </label>
      <fieldset class="wm-study-group" data-group="brand">
        <legend>{t('studyBrand')}</legend>
        <SiteFields site={draft.brand} name="brand" onChange={(brand) => set({ brand })} />
      </fieldset>
      <SiteRows
        legend={t('studyCompetitors')}
        addLabel={t('studyAddCompetitor')}
        kind="competitor"
        sites={draft.competitors}
        onChange={(competitors) => set({ competitors })}
      />
      <SiteRows
        legend={t('studyPartners')}
        addLabel={t('studyAddPartner')}
        kind="partner"
        sites={draft.partners}
        onChange={(partners) => set({ partners })}
      />
      <label class="wm-field">
        <span>{t('studyStageSet')}</span>
        <select name="stageSet" value={draft.stageSet} onChange={(e) => set({ stageSet: e.currentTarget.value as StageSetId })}>
          {(Object.keys(STAGE_SETS) as StageSetId[]).map((id) => (
            <option key={id} value={id}>
              {t(STAGE_SET_LABEL[id])}
            </option>
          ))}
        </select>
      </label>
      {words('tags', 'studyTags')}
      {words('channels', 'studyChannels')}
      <fieldset class="wm-study-group" data-group="persona">
        <legend>{t('studyPersona')}</legend>
        <label class="wm-field">
          <span>{t('studySiteName')}</span>
          <input
            name="persona-name"
            maxLength={200}
            value={draft.persona.name}
            dir="auto"
            onInput={(e) => set({ persona: { ...draft.persona, name: e.currentTarget.value } })}
          />
        </label>
        {PERSONA_FIELDS.map(([field, label]) => (
          <label class="wm-field" key={field}>
            <span>{t(label)}</span>
            <textarea
              name={`persona-${field}`}
              rows={2}
              maxLength={2000}
              value={draft.persona[field]}
              dir="auto"
              onInput={(e) => set({ persona: { ...draft.persona, [field]: e.currentTarget.value } })}
            />
          </label>
        ))}
      </fieldset>
      <ScriptEditor steps={draft.script} onChange={(script) => set({ script })} />
      <label class="wm-check">
        <input
          type="checkbox"
          name="syncScreenshots"
          checked={draft.syncScreenshots}
          onChange={(e) => set({ syncScreenshots: e.currentTarget.checked })}
        />
        {t('studySyncScreenshots')}
      </label>
      <p class="wm-hint-text">{t('studySyncScreenshotsHint')}</p>
      {problems.length > 0 && (
        <div class="wm-notice" role="alert" data-kind="error">
          <ul>
            {problems.map((p) => (
              <li key={p.kind === 'step-title' ? `step-${p.step}` : p.kind}>
                {p.kind === 'invalid-domains'
                  ? t('studyInvalidDomains', p.domains.join(', '))
                  : t('studyStepTitleMissing', String(p.step))}
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.notice && (
        <p class="wm-notice" role={props.notice.kind === 'error' ? 'alert' : 'status'} data-kind={props.notice.kind}>
          {props.notice.text}
        </p>
      )}
      <div class="wm-row-actions">
        <button type="submit" class="wm-button wm-primary" data-action="save-study" disabled={props.busy}>
          {t('studySave')}
        </button>
        <button type="button" class="wm-button" data-action="close-study" onClick={props.onClose}>
          {t('studyClose')}
        </button>
        {props.deletable && (
          <button
            type="button"
            class="wm-button wm-quiet"
            data-action="delete-study"
            disabled={props.busy}
            onClick={props.onDelete}
          >
            {t('studyDelete')}
          </button>
        )}
      </div>
    </form>
  );
}
