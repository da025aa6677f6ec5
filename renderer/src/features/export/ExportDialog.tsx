/**
 * Export dialog: Word or Excel, the audience (full internal, funder,
 * partner-safe), the date the document is "as of", which sections, and the
 * language the files are written in (the plan's document language, changed
 * here as an undoable edit of the plan; independent of the UI's language).
 * The file is built in the export worker (the UI stays responsive, with a
 * progress bar), then saved through the platform: a save dialog and atomic
 * write on the desktop, a download in the browser.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setDocumentLanguage } from '../../../../shared/commands/objective';
import { LANGUAGE_INFO, LANGUAGES, isLanguage } from '../../../../shared/i18n/languages';
import {
  ALL_SECTION_IDS,
  EXPORT_SECTIONS,
  PROFILE_IDS,
  type ExportSectionId,
  type ExportStep,
  type Profile,
} from '../../../../shared/export/options';
import { exportFileName, type ExportKind } from '../../../../shared/export/sanitize';
import { localToday } from '../../../../shared/stakeholders/schedule';
import { notify } from '../../app/workbench';
import { DateFieldView } from '../../components/date-field';
import { Dialog } from '../../components/Dialog';
import { detectPlatform } from '../../platform/platform';
import { useDispatch, usePlan, usePlanStore } from '../../store/plan-context';
import { createExportClient, type ExportClient } from './export-client';
import { countContentUse } from './content-use-export';

/** The plan's exports: the Word program plan and the Excel workbook. */
type PlanExportKind = Extract<ExportKind, 'docx' | 'xlsx'>;
const KINDS: readonly PlanExportKind[] = ['docx', 'xlsx'];

/** What the export is doing, in the UI's words: "Writing theory of change". */
type Progress = { readonly fraction: number; readonly step: ExportStep | 'starting' | 'saving' };

/** The export dialog. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['exportDialog', 'common']);
  const store = usePlanStore();
  const dispatch = useDispatch();
  const documentLanguage = usePlan((p) => p.documentLanguage);
  const clientRef = useRef<ExportClient | null>(null);
  const [kind, setKind] = useState<PlanExportKind>('docx');
  const [profile, setProfile] = useState<Profile>('internal');
  // Statuses are worked out for a date the user sees and can change, never silently the export moment.
  const [asOf, setAsOf] = useState<string | null>(() => localToday());
  const [sections, setSections] = useState<ReadonlySet<ExportSectionId>>(new Set(ALL_SECTION_IDS));
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progressId = useId();
  const languageId = useId();
  const languageHintId = useId();

  useEffect(() => () => clientRef.current?.dispose(), []);

  const toggle = (id: ExportSectionId, on: boolean) => {
    const next = new Set(sections);
    if (on) next.add(id);
    else next.delete(id);
    setSections(next);
  };

  /** The progress bar's label in the UI's language. */
  const stepText = (step: Progress['step']): string => {
    if (step === 'starting') return t('progress.starting');
    if (step === 'saving') return t('progress.saving');
    switch (step.step) {
      case 'collecting':
        return t('progress.collecting');
      case 'packing':
        return kind === 'docx' ? t('progress.packingWord') : t('progress.packingExcel');
      case 'done':
        return t('progress.done');
      case 'writing':
        return t('progress.writing', {
          section:
            step.section === 'summary' ? t('progress.summary') : t(`sections.${step.section}`),
        });
    }
  };

  const run = async () => {
    if (!asOf) return;
    setError(null);
    setProgress({ fraction: 0, step: 'starting' });
    await store.getState().flush();
    const plan = store.getState().history.present;
    const client = (clientRef.current ??= createExportClient());
    try {
      const bytes = await client.exportFile(
        {
          type: 'export',
          kind,
          plan,
          profile,
          sections: ALL_SECTION_IDS.filter((id) => sections.has(id)),
          asOf,
          contentUse: sections.has('contentInUse') ? await countContentUse(plan, asOf) : undefined,
        },
        (fraction, step) => setProgress({ fraction, step }),
      );
      setProgress({ fraction: 1, step: 'saving' });
      const base = kind === 'docx' ? t('fileName.word') : t('fileName.excel');
      const name = exportFileName(
        plan.objective.programName.trim() || plan.name,
        kind,
        profile === 'internal' ? base : t(`fileName.${profile}`, { base }),
      );
      const result = await detectPlatform().saveExport(name, bytes, kind);
      setProgress(null);
      if (result.kind === 'saved') {
        notify(t(kind === 'docx' ? 'exportedWord' : 'exportedExcel', { path: result.path }));
        onClose();
      } else if (result.kind === 'error') setError(result.message);
    } catch (e) {
      setProgress(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const busy = progress !== null;
  return (
    <Dialog
      title={t('title')}
      onClose={busy ? () => undefined : onClose}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || sections.size === 0 || !asOf}
            onClick={() => void run()}
          >
            {busy ? t('exporting') : kind === 'docx' ? t('exportWord') : t('exportExcel')}
          </button>
        </>
      }
    >
      <div className="export-dialog">
        <fieldset className="export-group" disabled={busy}>
          <legend>{t('format')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="export-choice">
              <input
                type="radio"
                name="export-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span>
                <strong>{t(`kinds.${k}.label`)}</strong>
                <span className="export-hint">{t(`kinds.${k}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="export-group" disabled={busy}>
          <legend>{t('audience')}</legend>
          {PROFILE_IDS.map((p) => (
            <label key={p} className="export-choice">
              <input
                type="radio"
                name="export-profile"
                value={p}
                checked={profile === p}
                onChange={() => setProfile(p)}
              />
              <span>
                <strong>{t(`profiles.${p}.label`)}</strong>
                <span className="export-hint">{t(`profiles.${p}.description`)}</span>
              </span>
            </label>
          ))}
          <DateFieldView
            className="export-as-of"
            label={t('asOf')}
            value={asOf}
            onChange={setAsOf}
            hint={t('asOfHint')}
            error={asOf ? null : t('asOfMissing')}
          />
        </fieldset>
        <fieldset className="export-group" disabled={busy}>
          <legend>{t('languageGroup')}</legend>
          <div className="export-language">
            <label htmlFor={languageId}>{t('language')}</label>
            <select
              id={languageId}
              aria-describedby={languageHintId}
              value={documentLanguage}
              onChange={(e) => {
                const language = e.target.value;
                if (isLanguage(language)) dispatch(setDocumentLanguage({ language }));
              }}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l} dir={LANGUAGE_INFO[l].dir}>
                  {LANGUAGE_INFO[l].nativeName}
                </option>
              ))}
            </select>
            <p id={languageHintId} className="export-hint">
              {t('languageHint')}
            </p>
          </div>
        </fieldset>
        <fieldset className="export-group" disabled={busy}>
          <legend>{t('sectionsGroup')}</legend>
          <div className="export-select-all">
            <button
              type="button"
              className="subtle"
              onClick={() => setSections(new Set(ALL_SECTION_IDS))}
            >
              {t('selectAll')}
            </button>
            <button type="button" className="subtle" onClick={() => setSections(new Set())}>
              {t('selectNone')}
            </button>
          </div>
          <div className="export-sections">
            {EXPORT_SECTIONS.map((s) => (
              <label key={s.id} className="export-section">
                <input
                  type="checkbox"
                  checked={sections.has(s.id)}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                />
                {t(`sections.${s.id}`)}
              </label>
            ))}
          </div>
          {sections.size === 0 && <p className="export-hint">{t('tickOne')}</p>}
        </fieldset>
        {progress && (
          <div className="export-progress" role="status">
            <label htmlFor={progressId}>
              {t('progress.label', { step: stepText(progress.step) })}
            </label>
            <progress id={progressId} max={1} value={progress.fraction} />
          </div>
        )}
        {error && (
          <p className="export-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
