import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusHandoff } from './use-focus-handoff';

function Toggle() {
  const [on, setOn] = useState(false);
  const onButton = useRef<HTMLButtonElement>(null);
  const offButton = useRef<HTMLButtonElement>(null);
  const handOff = useFocusHandoff(on);
  return (
    <>
      <button
        ref={onButton}
        type="button"
        disabled={on}
        onClick={() => {
          handOff(offButton);
          setOn(true);
        }}
      >
        Suspend
      </button>
      <button
        ref={offButton}
        type="button"
        disabled={!on}
        onClick={() => {
          handOff(onButton);
          setOn(false);
        }}
      >
        Activate
      </button>
    </>
  );
}

describe('useFocusHandoff', () => {
  it('moves the focus to the action that applies once the state changed', async () => {
    render(<Toggle />);
    await userEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(screen.getByRole('button', { name: 'Activate' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Suspend' })).toHaveFocus();
  });
});
