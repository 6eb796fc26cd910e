import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';

export interface PeriodPickerProps {
  readonly periods: readonly string[];
  readonly value: string | undefined;
  readonly onChange: (period: string) => void;
}

export function PeriodPicker({ periods, value, onChange }: PeriodPickerProps): React.JSX.Element {
  return (
    <Field label="Period" hint="Financial year and quarter you are reporting on">
      <Select value={value ?? ''} disabled={periods.length === 0} onChange={(_, d) => onChange(d.value)}>
        {periods.map((p) => <option key={p} value={p}>{p}</option>)}
      </Select>
    </Field>
  );
}
