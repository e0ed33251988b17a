import { useState } from 'react';
import { AppRouter, createAppMemoryHistory } from '../app/app-router';
import { routes } from '../app/router';

/** A whole screen of the app (layout, navigation, route) at `path`, in a memory history: links work inside the story. */
export function AppScreen({ path }: { path: string }) {
  const [history] = useState(() => createAppMemoryHistory(path));
  return <AppRouter history={history} routes={routes} />;
}
