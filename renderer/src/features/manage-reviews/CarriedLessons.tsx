/**
 * The lessons carried from the reviews into this version of the plan
 * (Iterate → "Start next cohort"), as a checklist at the top of the
 * Objective, where planners start: each one ticked off with the keyboard
 * (Space on its checkbox), with a link to the section to act in. Shows
 * nothing when no lesson was carried.
 */
import { useTranslation } from 'react-i18next';
import { carriedActions } from '../../../../shared/commands/reviews';
import { PLAN_SECTIONS, type SectionId } from '../../app/routes';
import { goToSection, notify } from '../../app/workbench';
import { useDispatch, usePlan } from '../../store/plan-context';
import './reviews.css';

const isSection = (id: string): id is SectionId => PLAN_SECTIONS.some((s) => s.id === id);

/** The checklist of carried lessons. */
export function CarriedLessons() {
  const { t } = useTranslation(['reviews', 'shell']);
  const lessons = usePlan((p) => p.manage.iteration.carriedActions);
  const version = usePlan((p) => p.manage.iteration.versionNumber);
  const dispatch = useDispatch();
  if (lessons.length === 0) return null;
  const open = lessons.filter((a) => !a.done).length;
  return (
    <section className="card carried-lessons" aria-labelledby="carried-heading">
      <h2 id="carried-heading">{t('carried.heading')}</h2>
      <p className="section-note" role="status">
        {t('carried.status', { version, open, total: lessons.length })}
      </p>
      <ul className="carried-list">
        {lessons.map((lesson) => {
          const text = lesson.text.trim() || t('carried.untitled');
          const section = isSection(lesson.section) ? lesson.section : null;
          const where = section ? t(`shell:sections.${section}`) : null;
          return (
            <li
              key={lesson.id}
              className={`carried-item${lesson.done ? ' is-done' : ''}`}
              data-focus-id={lesson.id}
            >
              <label>
                <input
                  type="checkbox"
                  checked={lesson.done}
                  onChange={(e) => {
                    const result = dispatch(
                      carriedActions.update({ id: lesson.id, patch: { done: e.target.checked } }),
                    );
                    if (!result.ok) notify(result.reason);
                  }}
                />
                <span>{text}</span>
              </label>
              {section && where && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('carried.actInLabel', { section: where, text })}
                  onClick={() => goToSection(section)}
                >
                  {t('carried.actIn', { section: where })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
