import * as React from 'react';

/** Say something to screen readers through the pane's one polite live region. */
export type Announce = (text: string) => void;

export const AnnounceContext = React.createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return React.useContext(AnnounceContext);
}

const hidden: React.CSSProperties = {
  position: 'absolute', width: 1, height: 1, margin: -1, padding: 0, overflow: 'hidden',
  clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
};

/** Provides `useAnnounce` to the tree and renders the live region it writes to. */
export function Announcer({ children }: { readonly children: React.ReactNode }): React.JSX.Element {
  const [message, setMessage] = React.useState('');
  const announce = React.useCallback<Announce>((text) => setMessage(text), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="live-region" style={hidden}>
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}
