import type { Meta, StoryObj } from '@storybook/react-vite';
import { DesignTokens } from './design-tokens';

/** Colours, contrast, spacing and type, read from src/app/styles.css. */
const meta = {
  title: 'Design tokens',
  component: DesignTokens,
} satisfies Meta<typeof DesignTokens>;
export default meta;

export const Tokens: StoryObj<typeof meta> = { name: 'Colours, spacing, type' };
