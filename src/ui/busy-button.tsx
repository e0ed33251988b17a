import type { ComponentProps } from 'react';

/**
 * A button whose action is running: it stays focusable (`aria-disabled`) and ignores presses
 * until `busy` is over; a submit button does not submit meanwhile. A `disabled` button would drop
 * the keyboard focus to the page — in a dialog, Escape would then no longer close it.
 * `disabled` is for when the action does not apply at all.
 */
export function BusyButton({
  busy,
  type = 'button',
  onClick,
  ...props
}: Omit<ComponentProps<'button'>, 'type'> & { busy: boolean; type?: 'button' | 'submit' }) {
  return (
    <button
      {...props}
      type={busy ? 'button' : type}
      aria-disabled={busy || props['aria-disabled'] || undefined}
      data-busy={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
