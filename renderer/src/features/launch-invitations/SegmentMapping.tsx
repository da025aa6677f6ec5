/**
 * The value step of the invitation list import: each distinct value of the
 * file's segment column matched to a plan segment (suggested from the
 * names, changeable), and the segment of rows without one.
 */
import { useTranslation } from 'react-i18next';
import type {
  InvitationImportChoices,
  SegmentOption,
  SegmentValue,
} from '../../../../shared/launch/invitation-list';
import { useFormat } from '../../i18n/i18n';

/** Matches the file's segment values to the plan's segments. */
export function SegmentMapping({
  hasColumn,
  choices,
  values,
  segments,
  disabled,
  onChange,
}: {
  hasColumn: boolean;
  choices: InvitationImportChoices;
  values: readonly SegmentValue[];
  segments: readonly SegmentOption[];
  disabled: boolean;
  onChange: (next: InvitationImportChoices) => void;
}) {
  const { t } = useTranslation('invitations');
  const format = useFormat();
  if (segments.length === 0) return <p className="section-note">{t('mapping.noSegments')}</p>;
  const options = (
    <>
      <option value="">{t('noSegment')}</option>
      {segments.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name || t('unnamedSegment')}
        </option>
      ))}
    </>
  );
  return (
    <fieldset className="import-values-step">
      <legend>{t('mapping.legend')}</legend>
      {hasColumn && values.length > 0 && (
        <table className="data-table compact import-values">
          <caption>{t('mapping.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.inFile')}</th>
              <th scope="col" className="num">
                {t('mapping.rows')}
              </th>
              <th scope="col">{t('mapping.inPlan')}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => {
              const chosen = choices.segments?.[v.key];
              return (
                <tr key={v.key}>
                  <th scope="row">
                    <bdi>{v.text}</bdi>
                  </th>
                  <td className="num">{format.number(v.rows)}</td>
                  <td>
                    <select
                      aria-label={t('mapping.segmentFor', { value: v.text })}
                      disabled={disabled}
                      value={chosen ?? v.suggested ?? ''}
                      onChange={(e) =>
                        onChange({
                          ...choices,
                          segments: { ...choices.segments, [v.key]: e.target.value },
                        })
                      }
                    >
                      {options}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <label className="field">
        <span>{hasColumn ? t('mapping.forRowsWithout') : t('mapping.forEveryone')}</span>
        <select
          disabled={disabled}
          value={choices.segmentForAll ?? ''}
          onChange={(e) => onChange({ ...choices, segmentForAll: e.target.value })}
        >
          {options}
        </select>
      </label>
    </fieldset>
  );
}
