/**
 * The value-mapping step of the stakeholder list import: each distinct Type
 * and Stance value of the file matched to ours (suggested from synonyms,
 * changeable; one the synonyms do not know waits for the user's choice), the
 * scale the numbers of each score column are on, the 0–100 score of each
 * score word ("High", "Medium"), the type of rows without one, and which
 * extra columns are kept in the notes. The distinct values come from the
 * worker.
 */
import {
  SCALE_LABELS,
  SCORE_SCALES,
  type ScoreField,
  type ScoreScale,
  type StakeholderColumnMapping,
  type StakeholderDistinctValue,
  type StakeholderDistinctValues,
  type StakeholderImportChoices,
} from '../../../../shared/stakeholders/import';
import { CATEGORY_INFO, STANCE_INFO } from '../../../../shared/stakeholders/register';
import { countOf, formatCount } from '../../../../shared/words';

const TYPE_LABELS: Record<string, string> = Object.fromEntries(
  CATEGORY_INFO.map((c) => [c.id, c.short]),
);
const STANCE_LABELS: Record<string, string> = Object.fromEntries(
  STANCE_INFO.map((s) => [s.id, s.label]),
);

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
  const heading = (col: number | null) => (col === null ? '' : headers[col] || `Column ${col + 1}`);

  const enumTable = (
    field: 'type' | 'stance',
    list: readonly StakeholderDistinctValue[],
    labels: Record<string, string>,
  ) => {
    const name = field === 'type' ? 'Type' : 'Stance';
    return (
      <table className="data-table compact import-values">
        <caption>{name} values in your file</caption>
        <thead>
          <tr>
            <th scope="col">In your file</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col">{name} in the register</th>
          </tr>
        </thead>
        <tbody>
          {list.map((v) => {
            const chosen = (choices.values?.[field] as Record<string, string> | undefined)?.[v.key];
            const value = chosen ?? v.suggested ?? '';
            return (
              <tr key={v.key}>
                <th scope="row">{v.text}</th>
                <td className="num">{formatCount(v.rows)}</td>
                <td>
                  <select
                    aria-label={`${name} for “${v.text}”`}
                    value={value}
                    disabled={disabled}
                    aria-invalid={value === '' ? true : undefined}
                    onChange={(e) => setValue(field, v.key, e.target.value)}
                  >
                    {value === '' && <option value="">— choose (rows wait) —</option>}
                    {Object.entries(labels).map(([k, l]) => (
                      <option key={k} value={k}>
                        {l}
                      </option>
                    ))}
                  </select>
                  {!chosen && v.suggested && <span className="section-note"> suggested</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  };

  const scoreStep = (field: ScoreField) => {
    const name = field === 'power' ? 'Power' : 'Interest';
    const numbers = values.numbers[field];
    const words = values[field];
    if (!numbers && words.length === 0) return null;
    const scale: ScoreScale | undefined = choices.scales?.[field] ?? numbers?.detected;
    return (
      <div className="import-score-step" key={field}>
        {numbers && scale && (
          <label className="mapping-field">
            <span>
              Numbers in “{heading(mapping[field])}” ({name},{' '}
              {countOf(numbers.count, 'row', 'rows')}) are on a scale of
            </span>
            <select
              aria-label={`Scale of the numbers for ${name}`}
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
                  {SCALE_LABELS[s]}
                  {s === numbers.detected ? ' — detected' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {words.length > 0 && (
          <table className="data-table compact import-values">
            <caption>{name} words in your file, as scores from 0 to 100</caption>
            <thead>
              <tr>
                <th scope="col">In your file</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">{name} (0–100; empty: rows wait)</th>
              </tr>
            </thead>
            <tbody>
              {words.map((v) => {
                const chosen = choices.values?.[field]?.[v.key];
                const shown = chosen !== undefined ? String(chosen) : (v.suggested ?? '');
                return (
                  <tr key={v.key}>
                    <th scope="row">{v.text}</th>
                    <td className="num">{formatCount(v.rows)}</td>
                    <td>
                      <input
                        // A saved mapping applied changes the value: the field shows it afresh.
                        key={shown}
                        type="number"
                        min={0}
                        max={100}
                        step={1}
                        className="import-score-input"
                        aria-label={`${name} for “${v.text}”`}
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
                        <span className="section-note"> suggested</span>
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

  const askType = mapping.type === null || values.empty.type > 0 || !!choices.typeForAll;
  const typeLabel = mapping.type === null ? 'Type of every row' : 'Type of rows without one';
  return (
    <fieldset className="mapping import-value-mapping">
      <legend>Match the values in your file</legend>
      {askType && (
        <div className="mapping-grid">
          <label className="mapping-field">
            <span>
              {typeLabel}
              {mapping.type === null
                ? ' (required)'
                : values.empty.type > 0 && ` (${countOf(values.empty.type, 'row', 'rows')})`}
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
              <option value="">— choose —</option>
              {Object.entries(TYPE_LABELS).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="import-value-tables">
        {values.type.length > 0 && enumTable('type', values.type, TYPE_LABELS)}
        {values.stance.length > 0 && enumTable('stance', values.stance, STANCE_LABELS)}
        {scoreStep('power')}
        {scoreStep('interest')}
      </div>
      {extraColumns.length > 0 && (
        <fieldset className="import-extra-columns">
          <legend>Other columns: keep in the notes?</legend>
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
              Keep “{heading(col)}” in the notes
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
