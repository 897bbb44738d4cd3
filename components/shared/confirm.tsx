import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * An inline question instead of a dialog: the first button gets focus so a keyboard user lands
 * on the choice, and Escape takes the safe answer.
 */
export function Confirm(props: {
  children: ComponentChildren;
  yes: string;
  no: string;
  onYes(): void;
  onNo(): void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="group"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onNo();
      }}
    >
      <p>{props.children}</p>
      <div class="row">
        <button type="button" class="danger" ref={first} onClick={props.onYes}>
          {props.yes}
        </button>
        <button type="button" onClick={props.onNo}>
          {props.no}
        </button>
      </div>
    </div>
  );
}
