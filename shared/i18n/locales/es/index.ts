/** The es catalog: one JSON file per namespace (the same namespaces in every language; shared/i18n/translator.ts). */
import common from './common.json';
import shell from './shell.json';
import library from './library.json';
import objective from './objective.json';
import indicators from './indicators.json';
import toc from './toc.json';
import logicModel from './logicModel.json';
import stakeholders from './stakeholders.json';
import learners from './learners.json';
import content from './content.json';
import makeOrBuy from './makeOrBuy.json';
import pathways from './pathways.json';
import components from './components.json';
import onboarding from './onboarding.json';
import communications from './communications.json';
import invitations from './invitations.json';
import marketing from './marketing.json';
import roster from './roster.json';
import engagement from './engagement.json';
import kpis from './kpis.json';
import dashboard from './dashboard.json';
import reviews from './reviews.json';
import contentInUse from './contentInUse.json';
import skillsFirst from './skillsFirst.json';
import health from './health.json';
import backups from './backups.json';
import exportDialog from './exportDialog.json';
import commands from './commands.json';
import document from './document.json';
import workbook from './workbook.json';

export default {
  common,
  shell,
  library,
  objective,
  indicators,
  toc,
  logicModel,
  stakeholders,
  learners,
  content,
  makeOrBuy,
  pathways,
  components,
  onboarding,
  communications,
  invitations,
  marketing,
  roster,
  engagement,
  kpis,
  dashboard,
  reviews,
  contentInUse,
  skillsFirst,
  health,
  backups,
  exportDialog,
  commands,
  document,
  workbook,
};
