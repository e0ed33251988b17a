import type { ComponentProps } from 'react';

/**
 * A button that may not act right now, and keeps the keyboard focus all the same: while its
 * action runs (`busy`) or when the action does not apply (`disabled`, with its reason in
 * `aria-describedby`) it is `aria-disabled`, stays focusable and ignores presses; a submit button
 * does not submit meanwhile. The DOM `disabled` attribute is never set: it would drop the focus
 * to the page (after Suspend, Suspend no longer applies — and the focus stays on it), and in a
 * dialog Escape would then no longer close it.
 */
export function BusyButton({
  busy = false,
  disabled = false,
  type = 'button',
  onClick,
  ...props
}: Omit<ComponentProps<'button'>, 'type'> & { busy?: boolean; type?: 'button' | 'submit' }) {
  const inert = busy || disabled || props['aria-disabled'] === true;
  return (
    <button
      {...props}
      type={inert ? 'button' : type}
      aria-disabled={inert || undefined}
      data-busy={busy || undefined}
      onClick={(event) => {
        if (inert) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
