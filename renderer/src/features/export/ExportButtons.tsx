/** The plan top bar's "Export…" and "Import from Excel…" buttons and their dialogs. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanState } from '../../store/plan-context';
import { ExportDialog } from './ExportDialog';
import { RoundTripDialog } from './RoundTripDialog';
import './export.css';

/** Top-bar buttons; each opens its dialog. */
export function ExportButtons() {
  const { t } = useTranslation('exportDialog');
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  // Importing changes the plan, so only the window that edits it may.
  const editable = usePlanState((s) => s.access === 'edit');
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen('export')}
        title={t('roundTrip.exportButtonTitle')}
      >
        {t('roundTrip.exportButton')}
      </button>
      <button
        type="button"
        onClick={() => setOpen('import')}
        disabled={!editable}
        title={t('roundTrip.importButtonTitle')}
      >
        {t('roundTrip.importButton')}
      </button>
      {open === 'export' && <ExportDialog onClose={() => setOpen(null)} />}
      {open === 'import' && <RoundTripDialog onClose={() => setOpen(null)} />}
    </>
  );
}
