/** Today's date for overdue checks, refreshed when the day changes (a workbench left open overnight). */
import { useEffect, useState } from 'react';
import { localToday } from '../../../../shared/stakeholders/schedule';

/** Today's local calendar date (YYYY-MM-DD). */
export function useToday(): string {
  const [today, setToday] = useState(() => localToday());
  useEffect(() => {
    const timer = setInterval(() => setToday(localToday()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
