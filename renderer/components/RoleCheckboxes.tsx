import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { Checkbox, CheckboxGroup, FieldError, Label } from 'react-aria-components';
import { ROLE_LABELS, ROLES } from '../../shared/roles';

export function RoleCheckboxes<T extends FieldValues>({
  control,
  name,
}: {
  control: Control<T, any, any>;
  name: Path<T>;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <CheckboxGroup
          className="field"
          value={field.value as string[]}
          onChange={field.onChange}
          isInvalid={fieldState.invalid}
        >
          <Label>Roller</Label>
          <div className="row">
            {ROLES.map((r) => (
              <Checkbox key={r} value={r} className="checkbox">
                <span className="box" aria-hidden="true" />
                {ROLE_LABELS[r]}
              </Checkbox>
            ))}
          </div>
          <FieldError>{fieldState.error?.message}</FieldError>
        </CheckboxGroup>
      )}
    />
  );
}
