/**
 * UI state of the theory-of-change editor that is not part of the plan:
 * which node is being renamed in place, and whether the canvas is zoomed
 * too far out for text. Kept outside React Flow's store, whose every update
 * (each pointer move of a drag) runs every subscriber's selector: this store
 * changes only when these do.
 */
import { create } from 'zustand';

/** Editor UI state. */
export interface TocEditorState {
  renamingId: string | null;
  /** Zoomed out so far that nodes are drawn as plain shapes. */
  far: boolean;
  /** The details panel is shown (folded away, the canvas has the width); kept while the app runs. */
  inspectorOpen: boolean;
  startRename(id: string): void;
  stopRename(): void;
  setFar(far: boolean): void;
  setInspectorOpen(open: boolean): void;
}

/** The editor UI store (one editor is open at a time). */
export const useTocEditor = create<TocEditorState>()((set) => ({
  renamingId: null,
  far: false,
  inspectorOpen: true,
  startRename: (id) => set({ renamingId: id }),
  stopRename: () => set({ renamingId: null }),
  setFar: (far) => set({ far }),
  setInspectorOpen: (inspectorOpen) => set({ inspectorOpen }),
}));

/** Counts node renders when a test asks for it (window.__upskillTocNodeRenders = {}). */
export function countNodeRender(id: string): void {
  const probe = (globalThis as { __upskillTocNodeRenders?: Record<string, number> })
    .__upskillTocNodeRenders;
  if (probe) probe[id] = (probe[id] ?? 0) + 1;
}
