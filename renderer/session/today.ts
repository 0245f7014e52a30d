import { createContext, useContext } from 'react';
import type { IsoDate } from '../../shared/dates';

/**
 * Today's date as the backend's clock says (session.status, polled): the renderer never asks the
 * browser's clock, so the UI and the core agree on "today", also across midnight and in tests.
 */
export const TodayContext = createContext<IsoDate | null>(null);

export function useToday(): IsoDate {
  const today = useContext(TodayContext);
  if (!today) throw new Error('useToday() outside <TodayContext.Provider>');
  return today;
}
