/** React access to the open plan's store. */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Command } from '../../../shared/commands/command';
import type { Plan } from '../../../shared/plan/schema';
import type { DispatchResult, PlanDocumentState, PlanStore } from './plan-store';

const PlanStoreContext = createContext<PlanStore | null>(null);

/** Provides an open plan's store to the components below. */
export const PlanStoreProvider = PlanStoreContext.Provider;

/** The open plan's store (throws outside a plan). */
export function usePlanStore(): PlanStore {
  const store = useContext(PlanStoreContext);
  if (!store) throw new Error('usePlanStore must be used inside an open plan.');
  return store;
}

/** Selects from the open plan's state; re-renders only when the selection changes. */
export function usePlanState<T>(selector: (state: PlanDocumentState) => T): T {
  return useStore(usePlanStore(), selector);
}

/** Selects from the plan itself. */
export function usePlan<T>(selector: (plan: Plan) => T): T {
  return useStore(usePlanStore(), (state) => selector(state.history.present));
}

/**
 * The plan once it has stopped changing for `quietMs` (and at first render):
 * for derived views that scan the whole plan (Plan health, sidebar counts),
 * so they run once after a burst of typing instead of on every key. Changes
 * are watched outside React, so a keystroke does not even re-render the
 * component using it.
 */
export function useSettledPlan(quietMs = 400): Plan {
  const store = usePlanStore();
  const [settled, setSettled] = useState(() => store.getState().history.present);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => setSettled(store.getState().history.present);
    // The plan may have changed between the first render and this effect.
    settle();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.history.present === previous.history.present) return;
      clearTimeout(timer);
      timer = setTimeout(settle, quietMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, quietMs]);
  return settled;
}

/** Returns a function that dispatches a command to the open plan (a stable identity). */
export function useDispatch(): (command: Command) => DispatchResult {
  const store = usePlanStore();
  return useCallback((command) => store.getState().dispatch(command), [store]);
}

/** Returns a function that ends the current undo step (call on blur). */
export function useSealHistory(): () => void {
  const store = usePlanStore();
  return useCallback(() => store.getState().seal(), [store]);
}
