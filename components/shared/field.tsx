import { useId } from 'preact/hooks';

export interface FieldProps {
  label: string;
  value: string;
  onValue(value: string): void;
  /** Messages for this field, shown under it and tied to it with aria-describedby. */
  error?: string | string[] | undefined;
  /** Extra text under the field, such as a character counter. */
  hint?: string | undefined;
  type?: 'text' | 'datetime-local' | 'textarea';
  placeholder?: string;
  list?: string;
  autoFocus?: boolean;
  onBlur?(): void;
  onFocus?(): void;
  required?: boolean;
}

/** A labelled text field with its own error next to it, as every form of the extension needs. */
export function Field(props: FieldProps) {
  const id = useId();
  const errors = Array.isArray(props.error) ? props.error : props.error ? [props.error] : [];
  const described = [errors.length ? `${id}-err` : '', props.hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value: props.value,
    placeholder: props.placeholder,
    'aria-invalid': errors.length ? true : undefined,
    'aria-describedby': described || undefined,
    autoFocus: props.autoFocus,
    required: props.required,
    onBlur: props.onBlur,
    onFocus: props.onFocus,
    onInput: (e: Event) => props.onValue((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.type === 'textarea' ? (
        <textarea {...common} rows={2} />
      ) : (
        <input {...common} type={props.type ?? 'text'} list={props.list} autoComplete="off" />
      )}
      {props.hint && (
        <p id={`${id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-err`} class="field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
