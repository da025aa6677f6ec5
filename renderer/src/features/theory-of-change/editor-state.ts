/**
 * UI state of the theory-of-change editor that is not part of the plan:
 * which node is being renamed in place. Kept outside React Flow's nodes so
 * starting a rename re-renders only that node.
 */
import { create } from 'zustand';

/** Editor UI state. */
export interface TocEditorState {
  renamingId: string | null;
  startRename(id: string): void;
  stopRename(): void;
}

/** The editor UI store (one editor is open at a time). */
export const useTocEditor = create<TocEditorState>()((set) => ({
  renamingId: null,
  startRename: (id) => set({ renamingId: id }),
  stopRename: () => set({ renamingId: null }),
}));

/** Counts node renders when a test asks for it (window.__upskillTocNodeRenders = {}). */
export function countNodeRender(id: string): void {
  const probe = (globalThis as { __upskillTocNodeRenders?: Record<string, number> })
    .__upskillTocNodeRenders;
  if (probe) probe[id] = (probe[id] ?? 0) + 1;
}
