import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate, type To } from 'react-router';

/**
 * For the end of an action that can take a while (a create answering late): call it when the
 * action STARTS; the function it returns navigates only if the user is still on that page, at
 * that address. A user who went on to another form meanwhile stays there with what they are
 * typing (the action's result is still announced).
 */
export function useNavigateWhileHere(): () => (to: To) => void {
  const navigate = useNavigate();
  const location = useLocation();
  const mounted = useRef(false);
  const here = useRef(location.key);
  here.current = location.key;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return useCallback(() => {
    const startedAt = here.current;
    return (to: To) => {
      if (mounted.current && here.current === startedAt) void navigate(to);
    };
  }, [navigate]);
}
