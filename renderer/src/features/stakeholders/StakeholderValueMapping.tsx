/**
 * The value-mapping step of the stakeholder list import: each distinct Type
 * and Stance value of the file matched to ours (suggested from synonyms,
 * changeable; one the synonyms do not know waits for the user's choice), the
 * scale the numbers of each score column are on, the 0–100 score of each
 * score word ("High", "Medium"), the type of rows without one, and which
 * extra columns are kept in the notes. The distinct values come from the
 * worker.
 */
import { useTranslation } from 'react-i18next';
import {
  SCORE_SCALES,
  type ScoreField,
  type ScoreScale,
  type StakeholderColumnMapping,
  type StakeholderDistinctValue,
  type StakeholderDistinctValues,
  type StakeholderImportChoices,
} from '../../../../shared/stakeholders/import';
import { CATEGORY_INFO, STANCE_INFO } from '../../../../shared/stakeholders/register';
import { useFormat } from '../../i18n/i18n';

/** The value-mapping step for a stakeholder list. */
export function StakeholderValueMapping({
  mapping,
  choices,
  values,
  headers,
  extraColumns,
  disabled,
  onChange,
}: {
  mapping: StakeholderColumnMapping;
  choices: StakeholderImportChoices;
  values: StakeholderDistinctValues;
  headers: readonly string[];
  extraColumns: readonly number[];
  disabled: boolean;
  onChange: (next: StakeholderImportChoices) => void;
}) {
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
  const typeLabels: Record<string, string> = Object.fromEntries(
    CATEGORY_INFO.map((c) => [c.id, t(`categories.${c.id}.short`)]),
  );
  const stanceLabels: Record<string, string> = Object.fromEntries(
    STANCE_INFO.map((s) => [s.id, t(`stances.${s.id}`)]),
  );
  const keep = new Set(choices.keepInNotes ?? []);
  const setValue = (
    field: 'type' | 'stance' | 'power' | 'interest',
    key: string,
    value: string | number | undefined,
  ) => {
    const current: Record<string, unknown> = { ...choices.values?.[field] };
    if (value === undefined) delete current[key];
    else current[key] = value;
    onChange({ ...choices, values: { ...choices.values, [field]: current } });
  };
  const heading = (col: number | null) =>
    col === null ? '' : headers[col] || t('import.column', { number: col + 1 });

  const enumTable = (
    field: 'type' | 'stance',
    list: readonly StakeholderDistinctValue[],
    labels: Record<string, string>,
  ) => {
    return (
      <table key={field} className="data-table compact import-values">
        <caption>{t('import.valuesCaption', { field })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.inYourFile')}</th>
            <th scope="col" className="num">
              {t('import.rows')}
            </th>
            <th scope="col">{t('import.inRegister', { field })}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((v) => {
            const chosen = (choices.values?.[field] as Record<string, string> | undefined)?.[v.key];
            const value = chosen ?? v.suggested ?? '';
            return (
              <tr key={v.key}>
                <th scope="row">{v.text}</th>
                <td className="num">{format.number(v.rows)}</td>
                <td>
                  <select
                    aria-label={t('import.valueFor', { field, value: v.text })}
                    value={value}
                    disabled={disabled}
                    aria-invalid={value === '' ? true : undefined}
                    onChange={(e) => setValue(field, v.key, e.target.value)}
                  >
                    {value === '' && <option value="">{t('import.chooseRowsWait')}</option>}
                    {Object.entries(labels).map(([k, l]) => (
                      <option key={k} value={k}>
                        {l}
                      </option>
                    ))}
                  </select>
                  {!chosen && v.suggested && (
                    <span className="section-note"> {t('import.suggested')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  };

  const scoreStep = (field: ScoreField) => {
    const numbers = values.numbers[field];
    const words = values[field];
    if (!numbers && words.length === 0) return null;
    const scale: ScoreScale | undefined = choices.scales?.[field] ?? numbers?.detected;
    return (
      <div className="import-score-step" key={field}>
        {numbers && scale && (
          <label className="mapping-field">
            <span>
              {t('import.numbersScale', {
                column: heading(mapping[field]),
                field,
                count: numbers.count,
              })}
            </span>
            <select
              aria-label={t('import.scaleFor', { field })}
              value={scale}
              disabled={disabled}
              onChange={(e) =>
                onChange({
                  ...choices,
                  scales: { ...choices.scales, [field]: e.target.value as ScoreScale },
                })
              }
            >
              {SCORE_SCALES.map((s) => (
                <option key={s} value={s}>
                  {s === numbers.detected
                    ? t('import.detected', { scale: t(`import.scales.${s}`) })
                    : t(`import.scales.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {words.length > 0 && (
          <table className="data-table compact import-values">
            <caption>{t('import.wordsCaption', { field })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.inYourFile')}</th>
                <th scope="col" className="num">
                  {t('import.rows')}
                </th>
                <th scope="col">{t('import.wordsScore', { field })}</th>
              </tr>
            </thead>
            <tbody>
              {words.map((v) => {
                const chosen = choices.values?.[field]?.[v.key];
                const shown = chosen !== undefined ? String(chosen) : (v.suggested ?? '');
                return (
                  <tr key={v.key}>
                    <th scope="row">{v.text}</th>
                    <td className="num">{format.number(v.rows)}</td>
                    <td>
                      <input
                        // A saved mapping applied changes the value: the field shows it afresh.
                        key={shown}
                        type="number"
                        min={0}
                        max={100}
                        step={1}
                        className="import-score-input"
                        aria-label={t('import.valueFor', { field, value: v.text })}
                        defaultValue={shown}
                        disabled={disabled}
                        aria-invalid={shown === '' ? true : undefined}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') e.currentTarget.blur();
                        }}
                        onBlur={(e) => {
                          const text = e.target.value.trim();
                          if (text === shown) return;
                          const n = Number(text);
                          if (text === '' || !Number.isFinite(n)) {
                            setValue(field, v.key, undefined);
                            return;
                          }
                          setValue(field, v.key, Math.min(100, Math.max(0, Math.round(n))));
                        }}
                      />
                      {chosen === undefined && v.suggested && (
                        <span className="section-note"> {t('import.suggested')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    );
  };

  const valueTables = [
    values.type.length > 0 && enumTable('type', values.type, typeLabels),
    values.stance.length > 0 && enumTable('stance', values.stance, stanceLabels),
    scoreStep('power'),
    scoreStep('interest'),
  ];

  const askType = mapping.type === null || values.empty.type > 0 || !!choices.typeForAll;
  const typeLabel = mapping.type === null ? t('import.typeEveryRow') : t('import.typeRowsWithout');
  return (
    <fieldset className="mapping import-value-mapping">
      <legend>{t('import.legend')}</legend>
      {askType && (
        <div className="mapping-grid">
          <label className="mapping-field">
            <span>
              {mapping.type === null
                ? t('import.typeEveryRowRequired')
                : values.empty.type > 0
                  ? t('import.typeRowsWithoutCount', { count: values.empty.type })
                  : typeLabel}
            </span>
            <select
              aria-label={typeLabel}
              value={choices.typeForAll ?? ''}
              disabled={disabled}
              onChange={(e) =>
                onChange({
                  ...choices,
                  typeForAll: (e.target.value || null) as StakeholderImportChoices['typeForAll'],
                })
              }
            >
              <option value="">{t('import.choose')}</option>
              {Object.entries(typeLabels).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="import-value-tables">{valueTables}</div>
      {extraColumns.length > 0 && (
        <fieldset className="import-extra-columns">
          <legend>{t('import.extraLegend')}</legend>
          {extraColumns.map((col) => (
            <label key={col} className="checkbox-label">
              <input
                type="checkbox"
                checked={keep.has(col)}
                disabled={disabled}
                onChange={(e) =>
                  onChange({
                    ...choices,
                    keepInNotes: e.target.checked
                      ? [...keep, col].sort((a, b) => a - b)
                      : [...keep].filter((c) => c !== col),
                  })
                }
              />{' '}
              {t('import.keepInNotes', { column: heading(col) })}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
