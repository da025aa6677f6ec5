/**
 * Commands of the theory of change: elements (add, edit, move, lay out,
 * paste), causal links (connect, rationale, evidence, assumptions), the
 * narrative, and deleting a selection with everything that pointed at it.
 * Built on the graph operations in shared/toc/operations.ts; the lists are
 * read without drafting every element (a plan may hold tens of thousands).
 */
import { englishTranslator } from '../i18n/english';
import { findById } from '../plan/drafts';
import type { TocLink, TocNode } from '../plan/schema';
import { cutToLength } from '../text-length';
import {
  connectTocNodes,
  linkProblemCode,
  moveTocNodes,
  pasteTocSelection,
  removeTocElements,
  type PasteIds,
  type TocClipboard,
} from '../toc/operations';
import { CommandRefusal, defineCommand, quoted } from './command';

const at = (focus?: string) =>
  focus
    ? ({ section: 'theoryOfChange', focus } as const)
    : ({ section: 'theoryOfChange' } as const);

/** Adds an element (made by the caller, with its id and position). */
export const addTocElement = defineCommand<{ node: TocNode }>({
  type: 'toc.addElement',
  label: ({ node }, _plan, t = englishTranslator) =>
    t('commands:toc.addElement', { kind: node.kind, horizon: node.horizon ?? 'none' }),
  locate: ({ node }) => at(node.id),
  apply(draft, { node }) {
    if (findById(draft.theoryOfChange.nodes, node.id)) {
      throw CommandRefusal.of('tocIdTaken');
    }
    draft.theoryOfChange.nodes.push(node);
  },
});

/** The fields of an element that can be edited. */
export type TocElementPatch = Partial<Pick<TocNode, 'title' | 'description' | 'kind' | 'horizon'>>;

/**
 * Edits an element. A kind other than outcome has no horizon; an element
 * becoming an outcome starts short-term unless a horizon is given.
 */
export const updateTocElement = defineCommand<{ id: string; patch: TocElementPatch }>({
  type: 'toc.updateElement',
  label({ id, patch }, plan, t = englishTranslator) {
    const keys = Object.keys(patch) as (keyof TocElementPatch)[];
    const field = keys.length === 1 ? keys[0]! : 'element';
    const title = quoted(plan.theoryOfChange.nodes.find((n) => n.id === id)?.title);
    return field === 'title' || !title
      ? t('commands:toc.updateElement', { field })
      : t('commands:toc.updateElementTitled', { field, title });
  },
  coalesce: ({ id, patch }) => `toc.updateElement:${id}:${Object.keys(patch).sort().join(',')}`,
  locate: ({ id }) => at(id),
  apply(draft, { id, patch }) {
    const node = findById(draft.theoryOfChange.nodes, id);
    if (!node) return;
    if (patch.title !== undefined) node.title = cutToLength(patch.title, 500);
    if (patch.description !== undefined) node.description = patch.description;
    if (patch.kind !== undefined) {
      node.kind = patch.kind;
      node.horizon = patch.kind === 'outcome' ? (patch.horizon ?? node.horizon ?? 'short') : null;
    } else if (patch.horizon !== undefined && node.kind === 'outcome') node.horizon = patch.horizon;
  },
});

/** Moves elements on the canvas (a drag, arrow keys): a burst of moves is one step. */
export const moveTocElements = defineCommand<{ positions: [string, { x: number; y: number }][] }>({
  type: 'toc.moveElements',
  label: (_args, _plan, t = englishTranslator) => t('commands:toc.moveElements'),
  coalesce: () => 'toc.moveElements',
  locate: ({ positions }) => at(positions.length === 1 ? positions[0]![0] : undefined),
  apply(draft, { positions }) {
    moveTocNodes(draft, new Map(positions));
  },
});

/** Places elements where an automatic layout put them: the whole graph or a selection. */
export const layOutToc = defineCommand<{
  positions: [string, { x: number; y: number }][];
  selection: boolean;
}>({
  type: 'toc.layOut',
  label: ({ selection }, _plan, t = englishTranslator) =>
    selection ? t('commands:toc.layOutSelection') : t('commands:toc.autoLayout'),
  locate: () => at(),
  apply(draft, { positions }) {
    moveTocNodes(draft, new Map(positions));
  },
});

/** Links `source → target` (the link's id made by the caller); refused with the reason when it cannot be made. */
export const connectTocElements = defineCommand<{ id: string; source: string; target: string }>({
  type: 'toc.connect',
  label: (_args, _plan, t = englishTranslator) => t('commands:toc.connect'),
  locate: ({ id }) => at(id),
  apply(draft, { id, source, target }) {
    const problem = linkProblemCode(draft, source, target);
    if (problem)
      throw CommandRefusal.of('tocLinkProblem', {
        problem: (t) => t(`toc:linkProblems.${problem}`),
      });
    connectTocNodes(draft, source, target, id);
  },
});

/**
 * Deletes elements and links, as one step, with everything that pointed at
 * the elements: their links, indicators, logic-model traces and the
 * stakeholders' links to interventions.
 */
export const deleteTocSelection = defineCommand<{ nodeIds: string[]; linkIds: string[] }>({
  type: 'toc.delete',
  label: ({ nodeIds, linkIds }, plan, t = englishTranslator) => {
    if (nodeIds.length === 0)
      return linkIds.length === 1 ? t('commands:toc.deleteLink') : t('commands:toc.deleteLinks');
    if (nodeIds.length > 1 || linkIds.length > 0) return t('commands:toc.deleteElements');
    const title = quoted(plan.theoryOfChange.nodes.find((n) => n.id === nodeIds[0])?.title);
    return title
      ? t('commands:toc.deleteElementTitled', { title })
      : t('commands:toc.deleteElement');
  },
  locate: () => at(),
  apply(draft, { nodeIds, linkIds }) {
    removeTocElements(draft, nodeIds, linkIds);
  },
});

/** Pastes copied elements (with the links among them and their indicators) under fresh ids. */
export const pasteTocElements = defineCommand<{ clip: TocClipboard; ids: PasteIds }>({
  type: 'toc.paste',
  label: (_args, _plan, t = englishTranslator) => t('commands:toc.paste'),
  locate: ({ ids }) => at(ids.nodes[0]),
  apply(draft, { clip, ids }) {
    pasteTocSelection(draft, clip, ids);
  },
});

/** Sets the theory of change's narrative. */
export const setTocNarrative = defineCommand<{ text: string }>({
  type: 'toc.setNarrative',
  label: (_args, _plan, t = englishTranslator) => t('commands:toc.editNarrative'),
  coalesce: () => 'toc.setNarrative',
  locate: () => at(),
  apply(draft, { text }) {
    draft.theoryOfChange.narrative = text;
  },
});

/** The fields of a link that can be edited. */
export type TocLinkPatch = Partial<Pick<TocLink, 'rationale' | 'evidence'>>;

/** Sets a link's rationale or strength of evidence. */
export const updateTocLink = defineCommand<{ id: string; patch: TocLinkPatch }>({
  type: 'toc.updateLink',
  label: ({ patch }, _plan, t = englishTranslator) =>
    'rationale' in patch ? t('commands:toc.editRationale') : t('commands:toc.changeEvidence'),
  coalesce: ({ id, patch }) => `toc.updateLink:${id}:${Object.keys(patch).sort().join(',')}`,
  locate: ({ id }) => at(id),
  apply(draft, { id, patch }) {
    const link = findById(draft.theoryOfChange.links, id);
    if (link) Object.assign(link, patch);
  },
});

/** Adds an assumption to a link. */
export const addLinkAssumption = defineCommand<{ id: string; text: string }>({
  type: 'toc.addAssumption',
  label: ({ text }, _plan, t = englishTranslator) =>
    t('commands:toc.addAssumption', { title: quoted(text) }),
  locate: ({ id }) => at(id),
  apply(draft, { id, text }) {
    const trimmed = cutToLength(text.trim(), 500);
    if (!trimmed) throw CommandRefusal.of('writeAssumptionFirst');
    findById(draft.theoryOfChange.links, id)?.assumptions.push(trimmed);
  },
});

/** Rewrites one of a link's assumptions (typing coalesces). */
export const editLinkAssumption = defineCommand<{ id: string; index: number; text: string }>({
  type: 'toc.editAssumption',
  label: (_args, _plan, t = englishTranslator) => t('commands:toc.editAssumption'),
  coalesce: ({ id, index }) => `toc.editAssumption:${id}:${index}`,
  locate: ({ id }) => at(id),
  apply(draft, { id, index, text }) {
    const link = findById(draft.theoryOfChange.links, id);
    if (link && index >= 0 && index < link.assumptions.length) {
      link.assumptions[index] = cutToLength(text, 500);
    }
  },
});

/** Removes one of a link's assumptions. */
export const removeLinkAssumption = defineCommand<{ id: string; index: number }>({
  type: 'toc.removeAssumption',
  label: (_args, _plan, t = englishTranslator) => t('commands:toc.removeAssumption'),
  locate: ({ id }) => at(id),
  apply(draft, { id, index }) {
    const link = findById(draft.theoryOfChange.links, id);
    if (link && index >= 0 && index < link.assumptions.length) link.assumptions.splice(index, 1);
  },
});
