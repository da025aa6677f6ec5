/** The component that edits each plan section (see PLAN_SECTIONS in routes.ts). */
import type { JSX } from 'react';
import type { Plan } from '../../../shared/plan/schema';
import { CatalogSection } from '../features/content/CatalogSection';
import { MakeOrBuySection } from '../features/content/MakeOrBuySection';
import { HealthSection } from '../features/health/HealthSection';
import { healthBadgeCount } from '../features/health/use-health';
import { i18n } from '../i18n/i18n';
import { CommunicationsSection } from '../features/launch-communications/CommunicationsSection';
import { describeOnboardingBadge, onboardingBadgeCount } from '../features/launch-onboarding/badge';
import { InvitationsSection } from '../features/launch-invitations/InvitationsSection';
import { MarketingSection } from '../features/launch-marketing/MarketingSection';
import { OnboardingSection } from '../features/launch-onboarding/OnboardingSection';
import { ContentInUseSection } from '../features/manage-content/ContentInUseSection';
import { SkillsFirstSection } from '../features/manage-content/SkillsFirstSection';
import { DashboardSection } from '../features/manage-dashboard/DashboardSection';
import { EngagementSection } from '../features/manage-engagement/EngagementSection';
import { KpisSection } from '../features/manage-kpis/KpisSection';
import { LearnersSection } from '../features/learners/LearnersSection';
import { LogicModelSection } from '../features/logic-model/LogicModelSection';
import { ObjectiveSection } from '../features/objective/ObjectiveSection';
import { PathwaysSection } from '../features/pathways/PathwaysSection';
import { ReviewsSection } from '../features/manage-reviews/ReviewsSection';
import { RosterSection } from '../features/manage-roster/RosterSection';
import { describeOverdueBadge, overdueBadgeCount } from '../features/stakeholders/badge';
import { StakeholdersSection } from '../features/stakeholders/StakeholdersSection';
import { TheoryOfChangeSection } from '../features/theory-of-change/TheoryOfChangeSection';
import type { SectionId } from './routes';

/** Section id → editor component. */
export const SECTION_COMPONENTS: Record<SectionId, () => JSX.Element> = {
  objective: ObjectiveSection,
  theoryOfChange: TheoryOfChangeSection,
  logicModel: LogicModelSection,
  health: HealthSection,
  stakeholders: StakeholdersSection,
  learners: LearnersSection,
  content: CatalogSection,
  makeOrBuy: MakeOrBuySection,
  pathways: PathwaysSection,
  onboarding: OnboardingSection,
  communications: CommunicationsSection,
  invitations: InvitationsSection,
  marketing: MarketingSection,
  roster: RosterSection,
  engagement: EngagementSection,
  kpis: KpisSection,
  dashboard: DashboardSection,
  reviews: ReviewsSection,
  contentInUse: ContentInUseSection,
  skillsFirst: SkillsFirstSection,
};

/** A count shown beside a section in the sidebar, computed from the plan. */
export interface SectionBadge {
  /** The number to show (0 hides the badge); must be cheap or memoised on the plan. */
  count: (plan: Plan) => number;
  /** What the number means, for screen readers ("3 problems"); the plan is the one counted. */
  describe: (count: number, plan: Plan) => string;
}

/** Sections that show a count in the sidebar. */
export const SECTION_BADGES: Partial<Record<SectionId, SectionBadge>> = {
  health: {
    count: healthBadgeCount,
    describe: (n) => i18n.t('health:badge', { count: n }),
  },
  stakeholders: {
    count: overdueBadgeCount,
    describe: (n) => describeOverdueBadge(n),
  },
  onboarding: {
    count: onboardingBadgeCount,
    describe: (_n, plan) => describeOnboardingBadge(plan),
  },
};
