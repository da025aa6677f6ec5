/**
 * The value step of the roster import: the date the export describes (the
 * snapshot's date), how numeric dates read, the file's segment, cohort and
 * pathway values matched to the plan's, and which extra columns hold skill
 * scores.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  RosterColumnMapping,
  RosterImportChoices,
  RosterValue,
} from '../../../../shared/manage/roster-import';
import { useFormat } from '../../i18n/i18n';
import type { RosterPreviewSummary } from './roster-session';

type MapKey = 'segments' | 'cohorts' | 'pathways';

const KIND_OF: Record<MapKey, 'segment' | 'cohort' | 'pathway'> = {
  segments: 'segment',
  cohorts: 'cohort',
  pathways: 'pathway',
};

function ValueTable({
  caption,
  values,
  options,
  choices,
  mapKey,
  disabled,
  onChange,
}: {
  caption: string;
  values: readonly RosterValue[];
  options: readonly { id: string; name: string }[];
  choices: RosterImportChoices;
  mapKey: MapKey;
  disabled: boolean;
  onChange: (next: RosterImportChoices) => void;
}) {
  const { t } = useTranslation('roster');
  const format = useFormat();
  const kind = KIND_OF[mapKey];
  if (values.length === 0 || options.length === 0) return null;
  return (
    <table className="data-table compact import-values">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('values.inYourFile')}</th>
          <th scope="col" className="num">
            {t('values.rows')}
          </th>
          <th scope="col">{t('values.inPlan', { kind })}</th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => {
          const chosen = choices[mapKey]?.[v.key];
          return (
            <tr key={v.key}>
              <th scope="row">
                <bdi>{v.text}</bdi>
              </th>
              <td className="num">{format.number(v.rows)}</td>
              <td>
                <select
                  aria-label={t('values.forValue', { kind, value: v.text })}
                  disabled={disabled}
                  value={chosen ?? v.suggested ?? ''}
                  onChange={(e) =>
                    onChange({
                      ...choices,
                      [mapKey]: { ...choices[mapKey], [v.key]: e.target.value },
                    })
                  }
                >
                  <option value="">{t('values.noValue', { kind })}</option>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name || t('values.unnamed', { kind })}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The roster import's value step. */
export function RosterValueStep({
  mapping,
  choices,
  summary,
  headers,
  extraColumns,
  disabled,
  onChange,
}: {
  mapping: RosterColumnMapping;
  choices: RosterImportChoices;
  summary: RosterPreviewSummary;
  headers: readonly string[];
  extraColumns: readonly number[];
  disabled: boolean;
  onChange: (next: RosterImportChoices) => void;
}) {
  const { t } = useTranslation('roster');
  const format = useFormat();
  const id = useId();
  const { options, values } = summary;
  const skills = new Set(summary.skillColumns);
  return (
    <fieldset className="import-values-step">
      <legend>{t('values.legend')}</legend>
      <label className="field" htmlFor={`${id}-date`}>
        <span>{t('values.date')}</span>
        <input
          id={`${id}-date`}
          type="date"
          disabled={disabled}
          value={choices.date ?? summary.date}
          max="2200-12-31"
          onChange={(e) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value))
              onChange({ ...choices, date: e.target.value });
          }}
        />
      </label>
      <label className="field">
        <span>{t('values.dateOrder')}</span>
        <select
          disabled={disabled}
          value={choices.dateOrder ?? ''}
          onChange={(e) =>
            onChange({
              ...choices,
              dateOrder: e.target.value === '' ? undefined : (e.target.value as 'dmy' | 'mdy'),
            })
          }
        >
          <option value="">{t('values.dateOrderAuto')}</option>
          <option value="dmy">{t('values.dateOrderDmy')}</option>
          <option value="mdy">{t('values.dateOrderMdy')}</option>
        </select>
      </label>
      {mapping.segment !== null && options.segments.length === 0 && (
        <p className="section-note">{t('values.noSegments')}</p>
      )}
      <ValueTable
        caption={t('values.segmentCaption')}
        values={values.segment}
        options={options.segments}
        choices={choices}
        mapKey="segments"
        disabled={disabled}
        onChange={onChange}
      />
      {options.segments.length > 0 && (
        <label className="field">
          <span>
            {mapping.segment !== null ? t('values.segmentOfRest') : t('values.segmentOfAll')}
          </span>
          <select
            disabled={disabled}
            value={choices.segmentForAll ?? ''}
            onChange={(e) => onChange({ ...choices, segmentForAll: e.target.value })}
          >
            <option value="">{t('noSegment')}</option>
            {options.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name || t('unnamedSegment')}
              </option>
            ))}
          </select>
        </label>
      )}
      <ValueTable
        caption={t('values.cohortCaption')}
        values={values.cohort}
        options={options.cohorts}
        choices={choices}
        mapKey="cohorts"
        disabled={disabled}
        onChange={onChange}
      />
      {options.cohorts.length > 0 ? (
        <label className="field">
          <span>
            {mapping.cohort !== null ? t('values.cohortOfRest') : t('values.cohortOfAll')}
          </span>
          <select
            disabled={disabled}
            value={choices.cohortForAll ?? ''}
            onChange={(e) => onChange({ ...choices, cohortForAll: e.target.value })}
          >
            <option value="">{t('noCohort')}</option>
            {options.cohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name || t('unnamedCohort')}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="section-note">{t('values.noCohorts')}</p>
      )}
      {summary.cohortOutsideDates.length > 0 && (
        <div className="import-cohort-dates" role="group" aria-label={t('values.outsideGroup')}>
          <p className="section-note">
            {summary.cohortOutsideDates
              .map((c) =>
                t('values.outside', {
                  count: c.count,
                  cohort: c.name || t('unnamedCohort'),
                  span:
                    c.start && c.end
                      ? t('values.spanBoth', {
                          start: format.date(c.start),
                          end: format.date(c.end),
                        })
                      : c.start
                        ? t('values.spanStart', { start: format.date(c.start) })
                        : t('values.spanEnd', { end: format.date(c.end) }),
                }),
              )
              .join(' ')}{' '}
            {choices.cohortOutsideDates ? t('values.outsideAnyway') : t('values.outsideWithout')}
          </p>
          <label className="check">
            <input
              type="checkbox"
              disabled={disabled}
              checked={choices.cohortOutsideDates === true}
              onChange={(e) => onChange({ ...choices, cohortOutsideDates: e.target.checked })}
            />
            {t('values.putAnyway')}
          </label>
        </div>
      )}
      <ValueTable
        caption={t('values.pathwayCaption')}
        values={values.pathway}
        options={options.pathways}
        choices={choices}
        mapKey="pathways"
        disabled={disabled}
        onChange={onChange}
      />
      {extraColumns.length > 0 && (
        <fieldset className="import-keep">
          <legend>{t('values.skills')}</legend>
          {extraColumns.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                disabled={disabled}
                checked={skills.has(c)}
                onChange={(e) => {
                  const next = new Set(skills);
                  if (e.target.checked) next.add(c);
                  else next.delete(c);
                  onChange({ ...choices, skillColumns: [...next].sort((a, b) => a - b) });
                }}
              />
              {headers[c] || t('values.column', { number: c + 1 })}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
