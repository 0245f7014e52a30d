import { createContext, useContext } from 'react';

/** Moves to a screen (and optionally a section on it, by element id) from anywhere in the app. */
export interface Navigation {
  go(screen: string, section?: string): void;
  /** The section asked for on arrival, if any; the screen scrolls to it once it has rendered. */
  section: string | null;
}

export const NavigationContext = createContext<Navigation>({ go: () => {}, section: null });

export const useNavigation = () => useContext(NavigationContext);
