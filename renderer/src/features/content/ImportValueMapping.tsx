/**
 * The value-mapping step of the catalog import: each distinct Kind, Level
 * and Language value of the file, matched to ours (suggested from synonyms,
 * changeable; one the synonyms do not know waits for the user's choice), the
 * kind or level of every row when no column holds it, and which extra
 * columns are kept in the notes. The distinct values come from the worker.
 */
import { useTranslation } from 'react-i18next';
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
import { useFormat } from '../../i18n/i18n';

type Kind = ContentItem['kind'];
type Level = ContentItem['level'];

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
  const { t } = useTranslation('content');
  const format = useFormat();
  const kindLabels = Object.fromEntries(
    (Object.keys(KIND_LABELS) as Kind[]).map((k) => [k, t(`kinds.${k}`)]),
  );
  const levelLabels = Object.fromEntries(
    (Object.keys(LEVEL_LABELS) as Level[]).map((l) => [l, t(`levels.${l}`)]),
  );
  const setValue = (field: 'kind' | 'level' | 'languages' | 'skills', key: string, value: string) =>
    onChange({
      ...choices,
      values: { ...choices.values, [field]: { ...choices.values?.[field], [key]: value } },
    });
  const keep = new Set(choices.keepInNotes ?? []);

  const forAll = (field: 'kind' | 'level') => {
    const mapped = mapping[field] !== null;
    const label = t('values.forAll', { field, rows: mapped ? 'without' : 'every' });
    const emptyRows = values.empty[field];
    const labels: Record<string, string> = field === 'kind' ? kindLabels : levelLabels;
    const value = (field === 'kind' ? choices.kindForAll : choices.levelForAll) ?? '';
    return (
      <label className="mapping-field">
        <span>
          {mapped
            ? emptyRows > 0
              ? t('values.withRows', { label, count: emptyRows })
              : label
            : t('import.required', { field: label })}
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
          <option value="">{t('values.choose')}</option>
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
    return (
      <table className="data-table compact import-values">
        <caption>{t('values.valuesCaption', { field })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('values.inYourFile')}</th>
            <th scope="col" className="num">
              {t('values.rows')}
            </th>
            <th scope="col">{t('values.inTheCatalog', { field })}</th>
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
                <td className="num">{format.number(v.rows)}</td>
                <td>
                  <select
                    aria-label={t('values.valueFor', { field, value: v.text })}
                    value={value}
                    disabled={disabled}
                    aria-invalid={value === '' ? true : undefined}
                    onChange={(e) => setValue(field, v.key, e.target.value)}
                  >
                    {value === '' && (
                      <option value="">{t('values.chooseWaiting', { count: v.rows })}</option>
                    )}
                    {Object.entries(labels).map(([k, l]) => (
                      <option key={k} value={k}>
                        {l}
                      </option>
                    ))}
                  </select>
                  {!chosen && v.suggested && (
                    <span className="section-note"> {t('values.suggested')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  };

  const kindForAll = forAll('kind');
  const levelForAll = forAll('level');
  const kindTable = table('kind', values.kind, kindLabels);
  const levelTable = table('level', values.level, levelLabels);
  return (
    <fieldset className="mapping import-value-mapping">
      <legend>{t('values.legend')}</legend>
      {/* The kind or level of every row when no column holds it; of the rows
          with an empty cell when one does (asked only when there are such rows). */}
      {(mapping.kind === null ||
        mapping.level === null ||
        values.empty.kind > 0 ||
        values.empty.level > 0 ||
        !!choices.kindForAll ||
        !!choices.levelForAll) && (
        <div className="mapping-grid">
          {(mapping.kind === null || values.empty.kind > 0 || !!choices.kindForAll) && kindForAll}
          {(mapping.level === null || values.empty.level > 0 || !!choices.levelForAll) &&
            levelForAll}
        </div>
      )}
      <div className="import-value-tables">
        {values.kind.length > 0 && kindTable}
        {values.level.length > 0 && levelTable}
        {values.languages.length > 0 && (
          <table className="data-table compact import-values">
            <caption>{t('values.languagesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('values.inYourFile')}</th>
                <th scope="col" className="num">
                  {t('values.rows')}
                </th>
                <th scope="col">{t('values.languageAsCatalog')}</th>
              </tr>
            </thead>
            <tbody>
              {values.languages.map((v) => (
                <tr key={v.key}>
                  <th scope="row">{v.text}</th>
                  <td className="num">{format.number(v.rows)}</td>
                  <td>
                    <input
                      // A saved mapping applied changes the value: the field shows it afresh.
                      key={choices.values?.languages?.[v.key] ?? v.suggested ?? ''}
                      type="text"
                      aria-label={t('values.languageFor', { value: v.text })}
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
            <caption>{t('values.skillsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('values.inYourFile')}</th>
                <th scope="col" className="num">
                  {t('values.rows')}
                </th>
                <th scope="col">{t('values.skillInPlan')}</th>
              </tr>
            </thead>
            <tbody>
              {skills.matches.map((v) => (
                <tr key={v.key}>
                  <th scope="row">{v.text}</th>
                  <td className="num">{format.number(v.rows)}</td>
                  <td>
                    <select
                      aria-label={t('values.skillFor', { value: v.text })}
                      value={choices.values?.skills?.[v.key] ?? v.suggested}
                      disabled={disabled}
                      onChange={(e) => setValue('skills', v.key, e.target.value)}
                    >
                      <option value={v.suggested}>{v.suggested}</option>
                      <option value={v.text}>{t('values.newSkill', { value: v.text })}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {skills && skills.newSkills > 0 && (
        <p className="section-note">{t('values.newSkills', { count: skills.newSkills })}</p>
      )}
      {extraColumns.length > 0 && (
        <fieldset className="import-extra-columns">
          <legend>{t('values.otherColumns')}</legend>
          {extraColumns.map((col) => {
            const heading = headers[col] || t('import.columnN', { n: col + 1 });
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
                {t('values.keepInNotes', { heading })}
              </label>
            );
          })}
        </fieldset>
      )}
    </fieldset>
  );
}
