/**
 * Skills-first KPIs (Manage, issue 14; company programs) from the plan's
 * skills map: share of roles filled by qualified talent, time to close a
 * skill gap from dated assessments, critical capabilities per business
 * initiative with the decision per gap and the milestone it serves, and
 * "staff for outcomes, not titles": the people who hold a skill at a level,
 * whatever their role. Dated assessments are recorded here (the level they
 * replace moves into the history) and a person's role is set here; the map
 * itself (roles, people, skills, levels, capabilities) is edited in
 * Pathways & skills.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordAssessment, setPersonRole } from '../../../../shared/commands/skills-first';
import {
  capabilitiesByInitiative,
  findPeopleWithSkill,
  indexSkills,
  qualifiedTalent,
  shortfallsFor,
  timeToClose,
  type LevelSource,
  type SkillsIndex,
} from '../../../../shared/manage/skills-first';
import { goToSection, notifyUndoable, useWorkbench } from '../../app/workbench';
import { DateField, SelectField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan } from '../../store/plan-context';
import { useToday } from '../stakeholders/today';
import './manage-content.css';
import '../manage-wide.css';

const LEVELS = [0, 1, 2, 3, 4, 5] as const;
function EditMapLink() {
  const { t } = useTranslation('skillsFirst');
  return (
    <button type="button" className="link-button" onClick={() => goToSection('pathways')}>
      {t('editMap')}
    </button>
  );
}

/** The Skills-first KPIs section. */
export function SkillsFirstSection() {
  const { t } = useTranslation('skillsFirst');
  const map = usePlan((p) => p.skillsMap);
  const index = useMemo(() => indexSkills(map), [map]);
  const people = map.holders.filter((h) => h.kind === 'person');
  // A Plan health finding names a critical capability (or a person): bring it into view.
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  useEffect(() => {
    if (!focus) return;
    const row = document.querySelector<HTMLElement>(`[data-sf-focus="${CSS.escape(focus)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [focus]);
  return (
    <div className="section-body skills-first">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
        <p className="section-note">
          {t('source')} <EditMapLink />
        </p>
      </header>
      {map.skills.length === 0 ? (
        <p className="empty-note">{t('empty')}</p>
      ) : (
        <>
          <Kpis index={index} />
          <Capabilities index={index} />
          <FindPeople index={index} />
          {people.length > 0 && <PeopleAndRoles index={index} />}
          <RecordAssessment index={index} />
        </>
      )}
    </div>
  );
}

function Kpis({ index }: { index: SkillsIndex }) {
  const { t } = useTranslation('skillsFirst');
  const format = useFormat();
  const q = useMemo(() => qualifiedTalent(index), [index]);
  const gaps = useMemo(() => timeToClose(index), [index]);
  const none = t('words.none');
  return (
    <section aria-labelledby="sf-kpis-heading">
      <h2 id="sf-kpis-heading">{t('kpis.heading')}</h2>
      <div className="sf-kpis">
        <article className="card sf-kpi" aria-labelledby="sf-kpi-qualified">
          <h3 id="sf-kpi-qualified">{t('kpis.qualified')}</h3>
          <p className="sf-value">
            {q.share === null
              ? none
              : format.language !== 'en'
                ? // Intl holds an Arabic share's sign to the figure ("45%", not "%45").
                  format.percent(Math.round(q.share * 100) / 100)
                : t('words.percent', { value: format.number(Math.round(q.share * 100), 0) })}
          </p>
          <p>
            {q.positions === 0
              ? t('kpis.qualifiedNone')
              : t('kpis.qualifiedCount', { qualified: q.qualified, positions: q.positions })}
          </p>
          <p className="section-note">{t('rules.qualified')}</p>
        </article>
        <article className="card sf-kpi" aria-labelledby="sf-kpi-gap">
          <h3 id="sf-kpi-gap">{t('kpis.gap')}</h3>
          <p className="sf-value">
            {gaps.medianDays === null
              ? none
              : t('kpis.days', { days: Math.round(gaps.medianDays) })}
          </p>
          <p>
            {gaps.gaps.length === 0
              ? t('kpis.gapsNone')
              : t('kpis.gapsCount', { closed: gaps.closed, open: gaps.open })}
          </p>
          <p className="section-note">{t('rules.timeToClose')}</p>
        </article>
      </div>
      {q.roles.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact">
            <caption>{t('roles.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roles.role')}</th>
                <th scope="col" className="num">
                  {t('roles.required')}
                </th>
                <th scope="col" className="num">
                  {t('roles.people')}
                </th>
                <th scope="col" className="num">
                  {t('roles.qualified')}
                </th>
              </tr>
            </thead>
            <tbody>
              {q.roles.map((r) => (
                <tr key={r.roleId}>
                  <th scope="row">{r.name || t('unnamedRole')}</th>
                  <td className="num">{format.number(r.requirements)}</td>
                  <td className="num">{format.number(r.people.length)}</td>
                  <td className="num">
                    {r.requirements > 0 ? format.number(r.qualified.length) : none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Capabilities({ index }: { index: SkillsIndex }) {
  const { t } = useTranslation('skillsFirst');
  const format = useFormat();
  const groups = useMemo(() => capabilitiesByInitiative(index), [index]);
  const roleName = (id: string) => index.holders.get(id)?.name || t('unnamedRole');
  return (
    <section aria-labelledby="sf-cap-heading">
      <h2 id="sf-cap-heading">{t('capabilities.heading')}</h2>
      <p className="section-note">{t('rules.capabilities')}</p>
      {groups.length === 0 ? (
        <p className="empty-note">
          {t('capabilities.empty')} <EditMapLink />
        </p>
      ) : (
        groups.map((g) => (
          <div className="sf-initiative" key={g.initiative}>
            <h3>{g.initiative || t('capabilities.notNamed')}</h3>
            <div className="table-scroll">
              <table className="data-table compact">
                <caption className="visually-hidden">
                  {g.initiative
                    ? t('capabilities.caption', { name: g.initiative })
                    : t('capabilities.captionUnnamed')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('capabilities.skills')}</th>
                    <th scope="col">{t('capabilities.gap')}</th>
                    <th scope="col">{t('capabilities.decision')}</th>
                    <th scope="col">{t('capabilities.milestone')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.capabilities.map((c) => (
                    <tr key={c.capability.id} data-sf-focus={c.capability.id} tabIndex={-1}>
                      <td>
                        <ul className="plain-list">
                          {c.skills.map((s) => (
                            <li key={s.skillId}>
                              {s.name}{' '}
                              <span className={`sf-status sf-status--${s.status}`}>
                                {t(`capabilities.status.${s.status}`)}
                              </span>
                              {s.roles.some((r) => r.atLevel === 0) && (
                                <span className="section-note">
                                  {' '}
                                  {t('capabilities.nobodyAtLevel', {
                                    roles: s.roles
                                      .filter((r) => r.atLevel === 0)
                                      .map((r) =>
                                        t('capabilities.roleNeeds', {
                                          role: roleName(r.roleId),
                                          level: r.required,
                                        }),
                                      )
                                      .join(t('words.commaSeparator')),
                                  })}
                                </span>
                              )}
                            </li>
                          ))}
                          {c.skills.length === 0 && <li>{t('capabilities.noSkill')}</li>}
                        </ul>
                      </td>
                      <td>{c.gap ? t('words.yes') : t('words.no')}</td>
                      <td>
                        {c.capability.gapDecision
                          ? t(`gapDecisions.${c.capability.gapDecision}`)
                          : t('capabilities.notDecided')}
                      </td>
                      <td>
                        {c.capability.milestoneDate
                          ? t('capabilities.milestoneOn', {
                              milestone: c.capability.milestone || t('words.none'),
                              date: format.date(c.capability.milestoneDate),
                            })
                          : c.capability.milestone || t('words.none')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))
      )}
    </section>
  );
}

function FindPeople({ index }: { index: SkillsIndex }) {
  const { t } = useTranslation('skillsFirst');
  const format = useFormat();
  const skills = index.map.skills;
  const [skillId, setSkillId] = useState(skills[0]?.id ?? '');
  const [level, setLevel] = useState(3);
  const [assessedOnly, setAssessedOnly] = useState(false);
  const chosen = skills.some((s) => s.id === skillId) ? skillId : (skills[0]?.id ?? '');
  const found = useMemo(
    () => findPeopleWithSkill(index, chosen, level, assessedOnly),
    [index, chosen, level, assessedOnly],
  );
  const skillName = index.skills.get(chosen)?.name ?? '';
  return (
    <section aria-labelledby="sf-find-heading">
      <h2 id="sf-find-heading">{t('find.heading')}</h2>
      <p className="section-note">{t('find.note')}</p>
      <div className="sf-search">
        <SelectField
          label={t('find.skill')}
          value={chosen}
          options={skills.map((s) => ({ value: s.id, label: s.name || t('unnamedSkill') }))}
          onChange={setSkillId}
        />
        <SelectField
          label={t('find.atLeast')}
          value={String(level)}
          options={LEVELS.slice(1).map((l) => ({ value: String(l), label: String(l) }))}
          onChange={(v) => setLevel(Number(v))}
        />
        <label className="check sf-check">
          <input
            type="checkbox"
            checked={assessedOnly}
            onChange={(e) => setAssessedOnly(e.target.checked)}
          />
          {t('find.assessedOnly')}
        </label>
      </div>
      <p role="status">
        {found.length === 0
          ? t('find.nobody', { skill: skillName, level, assessed: assessedOnly ? 'yes' : 'no' })
          : t('find.found', { count: found.length, skill: skillName, level })}
      </p>
      {found.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact">
            <caption className="visually-hidden">
              {t('find.caption', { skill: skillName, level })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.person')}</th>
                <th scope="col">{t('columns.role')}</th>
                <th scope="col" className="num">
                  {t('columns.level')}
                </th>
                <th scope="col">{t('columns.source')}</th>
                <th scope="col">{t('columns.refreshed')}</th>
              </tr>
            </thead>
            <tbody>
              {found.map((p) => (
                <tr key={p.holderId}>
                  <th scope="row">{p.name || t('unnamedPerson')}</th>
                  <td>{p.roleName || t('noRole')}</td>
                  <td className="num">{format.number(p.level)}</td>
                  <td>{t(`sources.${p.source}`)}</td>
                  <td>{p.refreshedAt ? format.date(p.refreshedAt) : t('words.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PeopleAndRoles({ index }: { index: SkillsIndex }) {
  const { t } = useTranslation('skillsFirst');
  const format = useFormat();
  const dispatch = useDispatch();
  const roles = index.map.holders.filter((h) => h.kind === 'role');
  const people = index.map.holders.filter((h) => h.kind === 'person');
  const skillName = (id: string) => index.skills.get(id)?.name || t('people.aSkill');
  return (
    <section aria-labelledby="sf-people-heading">
      <h2 id="sf-people-heading">{t('people.heading')}</h2>
      <div className="table-scroll">
        <table className="data-table compact">
          <caption className="visually-hidden">{t('people.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.person')}</th>
              <th scope="col">{t('columns.role')}</th>
              <th scope="col">{t('people.against')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const short = shortfallsFor(index, p);
              return (
                <tr key={p.id}>
                  <th scope="row">{p.name || t('unnamedPerson')}</th>
                  <td>
                    <select
                      aria-label={
                        p.name ? t('people.roleOf', { name: p.name }) : t('people.roleOfUnnamed')
                      }
                      value={p.roleId ?? ''}
                      onChange={(e) =>
                        dispatch(setPersonRole({ holderId: p.id, roleId: e.target.value || null }))
                      }
                    >
                      <option value="">{t('noRole')}</option>
                      {roles.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name || t('unnamedRole')}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {short === null
                      ? t('words.none')
                      : short.length === 0
                        ? t('people.qualified')
                        : t('people.below', {
                            list: short
                              .map((s) =>
                                t('people.shortfall', {
                                  skill: skillName(s.skillId),
                                  current:
                                    s.current === null || s.current === undefined
                                      ? t('people.notRated')
                                      : format.number(s.current),
                                  required: s.required,
                                }),
                              )
                              .join(t('words.commaSeparator')),
                          })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RecordAssessment({ index }: { index: SkillsIndex }) {
  const { t } = useTranslation('skillsFirst');
  const format = useFormat();
  const dispatch = useDispatch();
  const today = useToday();
  const holders = index.map.holders;
  const skills = index.map.skills;
  const [holderId, setHolderId] = useState(
    holders.find((h) => h.kind === 'person')?.id ?? holders[0]?.id ?? '',
  );
  const [skillId, setSkillId] = useState(skills[0]?.id ?? '');
  const [date, setDate] = useState<string | null>(today);
  const [level, setLevel] = useState(3);
  const [source, setSource] = useState<LevelSource>('assessed');
  const holder = holders.some((h) => h.id === holderId) ? holderId : (holders[0]?.id ?? '');
  const skill = skills.some((s) => s.id === skillId) ? skillId : (skills[0]?.id ?? '');
  if (holders.length === 0) return null;
  const record = () => {
    if (!date) return;
    const result = dispatch(
      recordAssessment({ holderId: holder, skillId: skill, date, level, source }),
    );
    if (result.ok)
      notifyUndoable(
        t('record.done', {
          skill: index.skills.get(skill)?.name ?? t('record.theSkill'),
          level,
          holder: index.holders.get(holder)?.name ?? t('record.them'),
          date: format.date(date),
        }),
        result.stepId,
      );
  };
  return (
    <section aria-labelledby="sf-record-heading">
      <h2 id="sf-record-heading">{t('record.heading')}</h2>
      <p className="section-note">{t('record.note')}</p>
      <div className="sf-record">
        <SelectField
          label={t('record.holder')}
          value={holder}
          options={holders.map((h) => ({
            value: h.id,
            label:
              h.kind === 'role'
                ? t('record.roleOption', { name: h.name || t('record.unnamed') })
                : h.name || t('record.unnamed'),
          }))}
          onChange={setHolderId}
        />
        <SelectField
          label={t('record.skill')}
          value={skill}
          options={skills.map((s) => ({ value: s.id, label: s.name || t('unnamedSkill') }))}
          onChange={setSkillId}
        />
        <SelectField
          label={t('columns.level')}
          value={String(level)}
          options={LEVELS.map((l) => ({ value: String(l), label: String(l) }))}
          onChange={(v) => setLevel(Number(v))}
        />
        <SelectField<LevelSource>
          label={t('columns.source')}
          value={source}
          options={[
            { value: 'assessed', label: t('sources.assessed') },
            { value: 'selfReported', label: t('sources.selfReported') },
          ]}
          onChange={setSource}
        />
        <DateField label={t('record.date')} value={date} onChange={setDate} />
      </div>
      <button
        type="button"
        className="primary"
        disabled={!date || !holder || !skill}
        onClick={record}
      >
        {t('record.button')}
      </button>
    </section>
  );
}
