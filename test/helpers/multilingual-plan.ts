/**
 * A multilingual plan for export checks: the sample plan with Arabic, Chinese
 * and emoji in names, titles and notes, formula-looking text in stakeholder
 * roles, catalog links of every kind (http, https, mailto:, javascript:,
 * file:, no scheme, a formula), control characters in notes and a program
 * name longer than a page header may be.
 */
import { samplePlan } from './large-plan';
import { Plan } from '../../shared/plan/schema';

export const LONG_NAME = `Programme national de développement des compétences numériques & de l'insertion professionnelle des jeunes — برنامج المهارات الرقمية للشباب — 青年数字技能与就业促进计划 🚀👩🏽‍💻 — ${'Phase pilote régionale & extension '.repeat(6)}`;

/** Formula-looking texts a planner may type. */
export const FORMULA_TEXTS = [
  '=SUM(A1:A3)',
  '+1',
  '-x',
  '@x',
  '=HYPERLINK("https://evil.example","click")',
];

/** The sample in Arabic, Chinese and emoji, with formula-looking text, odd links and a long name. */
export function multilingualPlan(): Plan {
  const p = structuredClone(samplePlan());
  p.objective.programName = LONG_NAME;
  p.objective.changeSought = `${p.objective.changeSought}\nتغيير منشود: الشباب يحصلون على وظائف رقمية مستقرة 🙂\n寻求的变化：青年获得稳定的数字岗位。`;
  p.theoryOfChange.nodes.forEach((n, i) => {
    n.title = i % 2 ? `${n.title} — نتيجة ${i + 1}` : `${n.title} — 成果${i + 1} 🎯`;
    n.description = `${n.description}\nوصف: ${'تدريب الشباب على المهارات الرقمية '.repeat(3)}\n说明：${'青年数字技能培训与就业'.repeat(4)}`;
  });
  p.stakeholders.entries.forEach((e, i) => {
    e.name = `${e.name} — مجلس ${i + 1} 🤝`;
    e.role = FORMULA_TEXTS[i % FORMULA_TEXTS.length]!;
    e.notes = `ملاحظة ${i + 1}\u0007: لا تشارك\u000bهذا 🙂 内部备注第${i + 1}条：${'合作伙伴尚未签署协议，请勿外传。'.repeat(3)}`;
  });
  const urls = [
    'https://example.org/catalog/ماهر?lang=ar&x=1',
    'http://例子.example.cn/课程/1',
    'mailto:courses@example.org',
    'javascript:alert(1)',
    'www.example.org/no-scheme',
    '=HYPERLINK("https://evil.example","click")',
    'file:///etc/passwd',
    'https://example.org/a path with spaces',
  ];
  p.content.catalog.forEach((c, i) => {
    c.title = `${c.title} · ${i % 3 === 0 ? 'دورة' : i % 3 === 1 ? '课程' : '📚'}`;
    c.url = urls[i % urls.length]!;
    c.notes = i === 0 ? '-x' : `🔒 ملاحظة عن المورد ${i + 1}: السعر قابل للتفاوض.`;
  });
  p.learners.forEach((s, i) => {
    s.name = `${s.name} · 学员群体 ${i + 1}`;
  });
  return Plan.parse(p);
}
