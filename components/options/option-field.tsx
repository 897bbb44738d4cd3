import type { ComponentChildren } from 'preact';

/** What a control needs to be tied to its label, hint and error. */
export interface FieldA11y {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  /** Shown under the control and tied to it, so a screen reader reads it with the field. */
  error?: string | undefined;
  /** For a checkbox the label follows the control. */
  inline?: boolean;
  children: (a11y: FieldA11y) => ComponentChildren;
  /** Next to the control: e.g. a "Show token" toggle, or "Saved". */
  after?: ComponentChildren;
}

/** A labelled control with its hint and its own error next to it. */
export function OptionField({ id, label, hint, error, inline, children, after }: Props) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  const a11y: FieldA11y = {
    id,
    ...(error && { 'aria-invalid': true as const }),
    ...(described && { 'aria-describedby': described }),
  };
  const labelEl = <label for={id}>{label}</label>;
  return (
    <div class={inline ? 'field field-inline' : 'field'}>
      {!inline && labelEl}
      <div class="control-row">
        {children(a11y)}
        {inline && labelEl}
        {after}
      </div>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
