/**
 * The value-mapping step of the catalog import: each distinct Kind, Level
 * and Language value of the file, matched to ours (suggested from synonyms,
 * changeable; one the synonyms do not know waits for the user's choice), the
 * kind or level of every row when no column holds it, and which extra
 * columns are kept in the notes. The distinct values come from the worker.
 */
import type { ColumnMapping } from '../../../../shared/content/catalog-import';
import { KIND_LABELS } from '../../../../shared/content/catalog';
import type {
  DistinctValue,
  DistinctValues,
  ImportChoices,
  SkillMatches,
} from '../../../../shared/content/import-values';
import { LEVEL_LABELS } from '../../../../shared/content/pathways';
import type { ContentItem } from '../../../../shared/plan/schema';

type Kind = ContentItem['kind'];
type Level = ContentItem['level'];

const rowsText = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;

export function ValueMapping({
  mapping,
  choices,
  values,
  skills,
  headers,
  extraColumns,
  disabled,
  onChange,
}: {
  mapping: ColumnMapping;
  choices: ImportChoices;
  values: DistinctValues;
  /** The file's skills the plan has under another spelling (absent: none to show). */
  skills?: SkillMatches;
  headers: readonly string[];
  /** Columns not mapped to a field. */
  extraColumns: readonly number[];
  disabled: boolean;
  onChange: (next: ImportChoices) => void;
}) {
  const setValue = (field: 'kind' | 'level' | 'languages' | 'skills', key: string, value: string) =>
    onChange({
      ...choices,
      values: { ...choices.values, [field]: { ...choices.values?.[field], [key]: value } },
    });
  const keep = new Set(choices.keepInNotes ?? []);

  const forAll = (field: 'kind' | 'level') => {
    const mapped = mapping[field] !== null;
    const label =
      field === 'kind'
        ? mapped
          ? 'Kind of rows without one'
          : 'Kind of every row'
        : mapped
          ? 'Level of rows without one'
          : 'Level of every row';
    const emptyRows = values.empty[field];
    const labels: Record<string, string> = field === 'kind' ? KIND_LABELS : LEVEL_LABELS;
    const value = (field === 'kind' ? choices.kindForAll : choices.levelForAll) ?? '';
    return (
      <label className="mapping-field">
        <span>
          {label}
          {mapped ? emptyRows > 0 && ` (${rowsText(emptyRows)})` : ' (required)'}
        </span>
        <select
          aria-label={label}
          value={value}
          disabled={disabled}
          onChange={(e) =>
            onChange({
              ...choices,
              [field === 'kind' ? 'kindForAll' : 'levelForAll']: e.target.value || null,
            })
          }
        >
          <option value="">— choose —</option>
          {Object.entries(labels).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
      </label>
    );
  };

  const table = (
    field: 'kind' | 'level',
    list: readonly DistinctValue[],
    labels: Record<string, string>,
  ) => {
    const name = field === 'kind' ? 'Kind' : 'Level';
    return (
      <table className="data-table compact import-values">
        <caption>{name} values in your file</caption>
        <thead>
          <tr>
            <th scope="col">In your file</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col">{name} in the catalog</th>
          </tr>
        </thead>
        <tbody>
          {list.map((v) => {
            const chosen = (choices.values?.[field] as Record<string, Kind | Level> | undefined)?.[
              v.key
            ];
            const value = chosen ?? v.suggested ?? '';
            return (
              <tr key={v.key}>
                <th scope="row">{v.text}</th>
                <td className="num">{v.rows.toLocaleString('en-GB')}</td>
                <td>
                  <select
                    aria-label={`${name} for “${v.text}”`}
                    value={value}
                    disabled={disabled}
                    aria-invalid={value === '' ? true : undefined}
                    onChange={(e) => setValue(field, v.key, e.target.value)}
                  >
                    {value === '' && (
                      <option value="">
                        — choose: {rowsText(v.rows)} {v.rows === 1 ? 'waits' : 'wait'} —
                      </option>
                    )}
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

  return (
    <fieldset className="mapping import-value-mapping">
      <legend>Match the values in your file</legend>
      {/* The kind or level of every row when no column holds it; of the rows
          with an empty cell when one does (asked only when there are such rows). */}
      {(mapping.kind === null ||
        mapping.level === null ||
        values.empty.kind > 0 ||
        values.empty.level > 0 ||
        !!choices.kindForAll ||
        !!choices.levelForAll) && (
        <div className="mapping-grid">
          {(mapping.kind === null || values.empty.kind > 0 || !!choices.kindForAll) &&
            forAll('kind')}
          {(mapping.level === null || values.empty.level > 0 || !!choices.levelForAll) &&
            forAll('level')}
        </div>
      )}
      <div className="import-value-tables">
        {values.kind.length > 0 && table('kind', values.kind, KIND_LABELS)}
        {values.level.length > 0 && table('level', values.level, LEVEL_LABELS)}
        {values.languages.length > 0 && (
          <table className="data-table compact import-values">
            <caption>Languages in your file</caption>
            <thead>
              <tr>
                <th scope="col">In your file</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">As the catalog says it (empty: left out)</th>
              </tr>
            </thead>
            <tbody>
              {values.languages.map((v) => (
                <tr key={v.key}>
                  <th scope="row">{v.text}</th>
                  <td className="num">{v.rows.toLocaleString('en-GB')}</td>
                  <td>
                    <input
                      // A saved mapping applied changes the value: the field shows it afresh.
                      key={choices.values?.languages?.[v.key] ?? v.suggested ?? ''}
                      type="text"
                      aria-label={`Language for “${v.text}”`}
                      defaultValue={choices.values?.languages?.[v.key] ?? v.suggested ?? ''}
                      disabled={disabled}
                      maxLength={500}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') e.currentTarget.blur();
                      }}
                      onBlur={(e) => {
                        const next = e.target.value.trim();
                        if (next !== (choices.values?.languages?.[v.key] ?? v.suggested ?? ''))
                          setValue('languages', v.key, next);
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {skills && skills.matches.length > 0 && (
          <table className="data-table compact import-values">
            <caption>Skills in your file the plan has under another spelling</caption>
            <thead>
              <tr>
                <th scope="col">In your file</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">Skill in the plan</th>
              </tr>
            </thead>
            <tbody>
              {skills.matches.map((v) => (
                <tr key={v.key}>
                  <th scope="row">{v.text}</th>
                  <td className="num">{v.rows.toLocaleString('en-GB')}</td>
                  <td>
                    <select
                      aria-label={`Skill for “${v.text}”`}
                      value={choices.values?.skills?.[v.key] ?? v.suggested}
                      disabled={disabled}
                      onChange={(e) => setValue('skills', v.key, e.target.value)}
                    >
                      <option value={v.suggested}>{v.suggested}</option>
                      <option value={v.text}>“{v.text}”, a new skill</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {skills && skills.newSkills > 0 && (
        <p className="section-note">
          {skills.newSkills === 1
            ? '1 skill in your file is new to the plan: it is added as written.'
            : `${skills.newSkills.toLocaleString('en-GB')} skills in your file are new to the plan: they are added as written.`}
        </p>
      )}
      {extraColumns.length > 0 && (
        <fieldset className="import-extra-columns">
          <legend>Other columns: keep in the notes?</legend>
          {extraColumns.map((col) => {
            const heading = headers[col] || `Column ${col + 1}`;
            return (
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
                Keep “{heading}” in the notes
              </label>
            );
          })}
        </fieldset>
      )}
    </fieldset>
  );
}
