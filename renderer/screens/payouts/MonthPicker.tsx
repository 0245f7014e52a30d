import { Input, Label, TextField } from 'react-aria-components';

/** Month as ÅÅÅÅ-MM (the sv-SE form); invalid text leaves the current month in place. */
export function MonthPicker({ value, onChange, label = 'Månad' }: { value: string; onChange: (m: string) => void; label?: string }) {
  return (
    <TextField className="field month" defaultValue={value} onChange={(v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && onChange(v)}>
      <Label>{label}</Label>
      <Input placeholder="ÅÅÅÅ-MM" />
    </TextField>
  );
}

export function previousMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
