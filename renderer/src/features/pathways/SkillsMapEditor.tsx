/**
 * A simple skills map: skills down the side, roles or people across, with
 * the required and current proficiency (0–5) in each cell, how each role's or
 * person's levels were found (assessed or self-reported) and when they were
 * refreshed, the gaps listed largest first, and the critical capabilities
 * business initiatives need. Pathways take their required skills from here.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  blankCapability,
  criticalCapabilities,
  mapSkills,
  setCapabilitySkill,
  setHolderAssessment,
  setProficiency,
  skillHolders,
  type AssessmentSource,
  type ProficiencyKind,
} from '../../../../shared/commands/pathways';
import type { Plan } from '../../../../shared/plan/schema';
import { DateField, SelectField, TextField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { skillGaps } from '../../../../shared/content/pathways';
import { newId } from '../../../../shared/plan/create';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineSelect, InlineText } from '../content/inline';

type Capability = Plan['skillsMap']['capabilities'][number];
type GapDecision = NonNullable<Capability['gapDecision']>;

const SOURCES: readonly AssessmentSource[] = ['assessed', 'selfReported'];

const GAP_DECISIONS: readonly GapDecision[] = [
  'developInternally',
  'hire',
  'contract',
  'redesignWork',
];

const LEVEL_OPTIONS = [
  { value: '', label: '—' },
  ...[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
];

/** The skills map card. */
export function SkillsMapEditor() {
  const { t } = useTranslation('pathways');
  const format = useFormat();
  const map = usePlan((p) => p.skillsMap);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const gaps = skillGaps(map);
  // Gaps need something to compare: at least one required level.
  const comparable = map.assessments.some((a) => a.required !== null);
  const cell = new Map(map.assessments.map((a) => [`${a.holderId}|${a.skillId}`, a]));

  const setLevel = (holderId: string, skillId: string, which: ProficiencyKind, v: string) =>
    dispatch(setProficiency({ holderId, skillId, which, level: v === '' ? null : Number(v) }));

  return (
    <section className="card" aria-labelledby="skills-map-heading">
      <div className="card-title-row">
        <h2 id="skills-map-heading">{t('map.heading')}</h2>
        <div className="toolbar">
          <button
            type="button"
            onClick={() =>
              dispatch(mapSkills.add({ item: { id: newId('skill'), name: t('map.newSkill') } }))
            }
          >
            {t('map.addSkill')}
          </button>
          <button
            type="button"
            onClick={() =>
              dispatch(
                skillHolders.add({
                  item: { id: newId('role'), name: t('map.newRole'), kind: 'role', roleId: null },
                }),
              )
            }
          >
            {t('map.addRole')}
          </button>
          <button
            type="button"
            onClick={() =>
              dispatch(
                skillHolders.add({
                  item: {
                    id: newId('person'),
                    name: t('map.newPerson'),
                    kind: 'person',
                    roleId: null,
                  },
                }),
              )
            }
          >
            {t('map.addPerson')}
          </button>
        </div>
      </div>
      <p className="section-note">{t('map.about')}</p>
      {map.holders.length === 0 || map.skills.length === 0 ? (
        <p className="empty-note">{t('map.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table skills-matrix">
            <caption className="visually-hidden">{t('map.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('map.skill')}
                </th>
                {map.holders.map((h, i) => (
                  <th scope="colgroup" colSpan={2} key={h.id} className="holder-head">
                    <InlineText
                      label={t('map.holderName', { kind: h.kind, number: i + 1 })}
                      value={h.name}
                      onChange={(name) =>
                        dispatch(skillHolders.update({ id: h.id, patch: { name } }))
                      }
                      onBlur={seal}
                    />
                    <span className="holder-kind">
                      {t('map.holderKind', { kind: h.kind })}
                      <button
                        type="button"
                        className="icon-button subtle"
                        aria-label={
                          h.name
                            ? t('map.removeHolder', { name: h.name })
                            : t('map.removeHolderUnnamed')
                        }
                        onClick={() => dispatch(skillHolders.remove({ ids: [h.id] }))}
                      >
                        ×
                      </button>
                    </span>
                  </th>
                ))}
              </tr>
              <tr>
                {map.holders.map((h) => [
                  <th scope="col" key={`${h.id}-r`} className="num sub-head">
                    {t('map.required')}
                  </th>,
                  <th scope="col" key={`${h.id}-c`} className="num sub-head">
                    {t('map.current')}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {map.skills.map((s, si) => (
                <tr key={s.id}>
                  <th scope="row" className="skill-head">
                    <InlineText
                      label={t('map.skillName', { number: si + 1 })}
                      value={s.name}
                      onChange={(name) => dispatch(mapSkills.update({ id: s.id, patch: { name } }))}
                      onBlur={seal}
                    />
                    <button
                      type="button"
                      className="icon-button subtle"
                      aria-label={t('map.removeSkill', { name: s.name })}
                      onClick={() => dispatch(mapSkills.remove({ ids: [s.id] }))}
                    >
                      ×
                    </button>
                  </th>
                  {map.holders.map((h) => {
                    const a = cell.get(`${h.id}|${s.id}`);
                    const gap =
                      a?.required != null && a.required > (a.current ?? 0)
                        ? a.required - (a.current ?? 0)
                        : 0;
                    return [
                      <td key={`${h.id}-r`} className={`num level-cell ${gap ? 'gap' : ''}`}>
                        <InlineSelect
                          label={t('map.requiredFor', { skill: s.name, holder: h.name })}
                          value={a?.required == null ? '' : String(a.required)}
                          options={LEVEL_OPTIONS}
                          onChange={(v) => setLevel(h.id, s.id, 'required', v)}
                          className="level-select"
                        />
                      </td>,
                      <td key={`${h.id}-c`} className={`num level-cell ${gap ? 'gap' : ''}`}>
                        <InlineSelect
                          label={t('map.currentFor', { skill: s.name, holder: h.name })}
                          value={a?.current == null ? '' : String(a.current)}
                          options={LEVEL_OPTIONS}
                          onChange={(v) => setLevel(h.id, s.id, 'current', v)}
                          className="level-select"
                        />
                      </td>,
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {map.holders.length > 0 && <AssessmentSources />}
      <h3 className="gaps-heading">{t('map.gaps')}</h3>
      {!comparable ? (
        <p className="section-note">{t('map.nothingToCompare')}</p>
      ) : gaps.length === 0 ? (
        <p className="section-note">{t('map.noGaps')}</p>
      ) : (
        <table className="data-table compact gaps-table">
          <caption className="visually-hidden">{t('map.gapsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.roleOrPerson')}</th>
              <th scope="col">{t('map.skill')}</th>
              <th scope="col" className="num">
                {t('map.required')}
              </th>
              <th scope="col" className="num">
                {t('map.current')}
              </th>
              <th scope="col" className="num">
                {t('map.gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={`${g.holderId}|${g.skillId}`}>
                <td>{g.holderName}</td>
                <td>{g.skillName}</td>
                <td className="num">{format.number(g.required)}</td>
                <td className="num">{format.number(g.current)}</td>
                <td className="num strong">{format.number(g.gap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CriticalCapabilities />
    </section>
  );
}

/** How each role's or person's current levels were found, and when they were refreshed. */
function AssessmentSources() {
  const { t } = useTranslation('pathways');
  const map = usePlan((p) => p.skillsMap);
  const dispatch = useDispatch();
  return (
    <>
      <h3 className="gaps-heading">{t('sources.heading')}</h3>
      <table className="data-table compact assessment-sources">
        <caption className="visually-hidden">{t('sources.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map.roleOrPerson')}</th>
            <th scope="col">{t('sources.levels')}</th>
            <th scope="col">{t('sources.refreshedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {map.holders.map((h) => {
            const cells = map.assessments.filter((a) => a.holderId === h.id);
            const name = h.name.trim() || t('sources.untitled', { kind: h.kind });
            const sources = new Set(cells.map((c) => c.source));
            const dates = new Set(cells.map((c) => c.refreshedAt));
            const source = cells.length === 0 ? '' : sources.size === 1 ? cells[0]!.source : '';
            const refreshed = dates.size === 1 ? (cells[0]?.refreshedAt ?? null) : null;
            return (
              <tr key={h.id}>
                <th scope="row">{name}</th>
                <td>
                  {cells.length === 0 ? (
                    <span className="section-note">{t('sources.noLevels')}</span>
                  ) : (
                    <SelectField<AssessmentSource | ''>
                      label={t('sources.howFound', { name })}
                      className="compact-field"
                      value={source}
                      options={[
                        ...(sources.size > 1
                          ? [{ value: '' as const, label: t('sources.mixed') }]
                          : []),
                        ...SOURCES.map((value) => ({ value, label: t(`sources.${value}`) })),
                      ]}
                      onChange={(v) => {
                        if (v !== '')
                          dispatch(setHolderAssessment({ holderId: h.id, patch: { source: v } }));
                      }}
                    />
                  )}
                </td>
                <td>
                  {cells.length > 0 && (
                    <DateField
                      label={t('sources.refreshedLabel', { name })}
                      className="compact-field"
                      value={refreshed}
                      onChange={(refreshedAt) =>
                        dispatch(setHolderAssessment({ holderId: h.id, patch: { refreshedAt } }))
                      }
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** Critical capabilities: what a business initiative needs, the gap decision and the milestone. */
function CriticalCapabilities() {
  const { t } = useTranslation('pathways');
  const map = usePlan((p) => p.skillsMap);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const listRef = useRef<HTMLDivElement>(null);
  // After "Add critical capability", focus moves to the new entry's first field.
  const added = useRef<string | null>(null);
  useEffect(() => {
    if (!added.current) return;
    const field = listRef.current?.querySelector<HTMLElement>(
      `[data-capability="${CSS.escape(added.current)}"] input`,
    );
    if (!field) return;
    field.focus();
    added.current = null;
  });
  return (
    <div ref={listRef}>
      <div className="card-title-row">
        <h3 className="gaps-heading">{t('capabilities.heading')}</h3>
        <button
          type="button"
          onClick={() => {
            const item = blankCapability(newId('capability'));
            if (dispatch(criticalCapabilities.add({ item })).ok) added.current = item.id;
          }}
        >
          {t('capabilities.add')}
        </button>
      </div>
      {map.capabilities.length === 0 ? (
        <p className="section-note">{t('capabilities.empty')}</p>
      ) : (
        map.capabilities.map((c, index) => {
          const name = c.initiative.trim() || t('capabilities.numbered', { number: index + 1 });
          const update =
            <K extends keyof Capability>(field: K) =>
            (value: Capability[K]) =>
              dispatch(criticalCapabilities.update({ id: c.id, patch: { [field]: value } }));
          return (
            <fieldset key={c.id} className="capability" data-capability={c.id}>
              <legend>{name}</legend>
              <div className="grid grid-2">
                <TextField
                  label={t('capabilities.initiative')}
                  value={c.initiative}
                  onChange={update('initiative')}
                  onBlur={seal}
                  placeholder={t('capabilities.initiativePlaceholder')}
                />
                <SelectField<GapDecision | ''>
                  label={t('capabilities.gapDecision')}
                  value={c.gapDecision ?? ''}
                  options={[
                    { value: '', label: t('capabilities.decisions.none') },
                    ...GAP_DECISIONS.map((value) => ({
                      value,
                      label: t(`capabilities.decisions.${value}`),
                    })),
                  ]}
                  onChange={(v) => update('gapDecision')(v === '' ? null : v)}
                />
                <TextField
                  label={t('capabilities.milestone')}
                  value={c.milestone}
                  onChange={update('milestone')}
                  onBlur={seal}
                  placeholder={t('capabilities.milestonePlaceholder')}
                />
                <DateField
                  label={t('capabilities.milestoneDate')}
                  value={c.milestoneDate}
                  onChange={update('milestoneDate')}
                />
              </div>
              <fieldset className="checkbox-group">
                <legend>{t('capabilities.skillsNeeded')}</legend>
                {map.skills.length === 0 ? (
                  <p className="section-note">{t('capabilities.addSkillsFirst')}</p>
                ) : (
                  map.skills.map((skill) => (
                    <label key={skill.id} className="check">
                      <input
                        type="checkbox"
                        checked={c.skillIds.includes(skill.id)}
                        onChange={(e) =>
                          dispatch(
                            setCapabilitySkill({
                              capabilityId: c.id,
                              skillId: skill.id,
                              needed: e.target.checked,
                            }),
                          )
                        }
                      />
                      {skill.name.trim() || t('capabilities.untitledSkill')}
                    </label>
                  ))
                )}
              </fieldset>
              <button
                type="button"
                className="subtle danger-text"
                aria-label={t('capabilities.removeLabel', { name })}
                onClick={() => dispatch(criticalCapabilities.remove({ ids: [c.id] }))}
              >
                {t('capabilities.remove')}
              </button>
            </fieldset>
          );
        })
      )}
    </div>
  );
}
