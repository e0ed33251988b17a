import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Pagination } from './pagination';

/** Pages of a list: total, previous / next (disabled at the ends), rows per page. */
const meta = {
  title: 'Components/Pagination',
  component: Pagination,
  args: { page: 1, pageSize: 25, total: 240, onPageChange: () => {} },
  render: function Render(args) {
    const [page, setPage] = useState(args.page);
    const [pageSize, setPageSize] = useState(args.pageSize);
    return <Pagination {...args} page={page} pageSize={pageSize} onPageChange={setPage} onPageSizeChange={args.onPageSizeChange ? setPageSize : undefined} />;
  },
} satisfies Meta<typeof Pagination>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FirstPage: Story = {};
export const MiddlePage: Story = { args: { page: 5 } };
export const LastPage: Story = { args: { page: 10 } };
export const OnePage: Story = { name: 'One page only', args: { total: 3 } };
export const WithPageSize: Story = { name: 'With rows per page', args: { onPageSizeChange: () => {} } };
export const Phone: Story = {
  name: 'With rows per page (phone)',
  args: { page: 5, onPageSizeChange: () => {} },
  globals: { viewport: { value: 'phone', isRotated: false } },
  tags: ['narrow'],
};
