import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms` (compared by `key`, so an equal object built
 * anew on every render does not restart the wait). For requests made while the user types.
 */
export function useDebounced<T>(value: T, key: string, ms = 250): T {
  const [settled, setSettled] = useState({ key, value });
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled({ key, value }), ms);
    return () => clearTimeout(timer);
  }, [key, value, ms, settled.key]);
  return settled.value;
}
