import type { StorybookConfig } from '@storybook/react-vite';

/**
 * The component catalogue (docs/designers.md). Stories run on the app's own CSS, i18n and mock
 * API: the real MSW handlers over the in-memory store, reset to a scenario per story
 * (.storybook/preview.tsx). `public/` is served so the MSW service worker is found.
 */
const config: StorybookConfig = {
  stories: ['../src/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // Props tables are not used (no docs addon): skipping react-docgen keeps the build fast.
  typescript: { reactDocgen: false },
  async viteFinal(config) {
    // The app's chunk groups are tuned for its own first screen; Storybook splits its own way.
    const output = config.build?.rolldownOptions?.output;
    if (output && !Array.isArray(output)) delete output.codeSplitting;
    return config;
  },
};

export default config;
