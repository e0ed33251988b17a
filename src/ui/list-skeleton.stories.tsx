import type { Meta, StoryObj } from '@storybook/react-vite';
import { ListSkeleton } from './list-skeleton';

const meta = { title: 'Components/ListSkeleton', component: ListSkeleton } satisfies Meta<typeof ListSkeleton>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A list's first page while the mock API starts. */
export const TenRows: Story = { args: { rows: 10 } };
/** A short page. */
export const ThreeRows: Story = { args: { rows: 3 } };
