/**
 * The planning questions asked when mapping stakeholders, answered per plan:
 * whose buy-in is key, which jobs employers need now and soon, the skills in
 * demand, jobs and pathways over five years, and fit with labour-market
 * priorities.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { answerQuestion, type MappingQuestion } from '../../../../shared/commands/stakeholders';
import { placedQuadrant } from '../../../../shared/stakeholders/register';
import { TextAreaField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';

/** The questions, in the order asked (their words are in the catalog under `questions.<key>`). */
const QUESTIONS: readonly MappingQuestion[] = [
  'keyBuyIn',
  'jobsNeededNow',
  'jobsNeededSoon',
  'inDemandSkillsNow',
  'jobsAndPathwaysFiveYears',
  'labourMarketPriorities',
];

/** The mapping questions tab. */
export function MappingQuestions() {
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
  const questions = usePlan((p) => p.stakeholders.questions);
  const entries = usePlan((p) => p.stakeholders.entries);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const manageClosely = useMemo(
    () =>
      entries
        .filter((e) => placedQuadrant(e) === 'manageClosely')
        .map((e) => e.name || t('unnamed')),
    [entries, t],
  );
  return (
    <section className="card sh-questions" aria-labelledby="sh-questions-heading">
      <h2 id="sh-questions-heading">{t('questions.heading')}</h2>
      <p className="section-note">{t('questions.about')}</p>
      <div className="grid grid-2">
        {QUESTIONS.map((key) => (
          <div key={key} className="sh-question">
            <TextAreaField
              label={t(`questions.${key}.label`)}
              hint={t(`questions.${key}.hint`)}
              value={questions[key]}
              rows={4}
              onChange={(answer) => dispatch(answerQuestion({ question: key, answer }))}
              onBlur={seal}
            />
            {key === 'keyBuyIn' && manageClosely.length > 0 && (
              <p className="sh-question-aid">
                {t('questions.inQuadrant', {
                  quadrant: t('quadrants.manageClosely.label'),
                  names: format.list(manageClosely),
                })}
              </p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
