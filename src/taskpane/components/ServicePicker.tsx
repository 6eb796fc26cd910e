import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';

export const ALL_SERVICES = '';

export interface ServicePickerProps {
  readonly services: readonly string[];
  /** `ALL_SERVICES` for every service. */
  readonly value: string;
  readonly onChange: (service: string) => void;
}

export function ServicePicker({ services, value, onChange }: ServicePickerProps): React.JSX.Element {
  return (
    <Field label="Service" hint="The template holds this service's indicators">
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value={ALL_SERVICES}>All services</option>
        {services.map((s) => <option key={s} value={s}>{s}</option>)}
      </Select>
    </Field>
  );
}
