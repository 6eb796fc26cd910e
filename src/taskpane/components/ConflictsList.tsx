import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { Conflict } from '../../core/consolidate-types';
import { conflictSettledText } from '../../core/messages';

function said(v: Conflict['values'][number]): string {
  const actual = v.actual === null ? 'blank' : String(v.actual);
  return `${v.file}${v.cell ? ` ${v.cell}` : ''} says ${actual} (${v.status})`;
}

export function ConflictsList({ conflicts }: { readonly conflicts: readonly Conflict[] }): React.JSX.Element {
  if (conflicts.length === 0) return <Text>No conflicts: no indicator was given by two returns.</Text>;
  return (
    <ul aria-label={`Conflicts (${conflicts.length})`}>
      {conflicts.map((c) => {
        const used = c.values.find((v) => v.used);
        return <li key={c.ref}><strong>{c.ref}</strong>: {c.values.map(said).join('; ')}.{used ? ` ${conflictSettledText(c.reason, used.file)}` : ''}</li>;
      })}
    </ul>
  );
}
