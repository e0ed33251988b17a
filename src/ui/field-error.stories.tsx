import type { Meta, StoryObj } from '@storybook/react-vite';
import { FieldError, issueError, textError } from './field-error';

/** The error under a field: a domain code translated when shown (EN/FR from the toolbar), or a sentence. */
const meta = { title: 'Components/FieldError', component: FieldError, args: { id: 'story-error', error: issueError({ code: 'required' }) } } satisfies Meta<
  typeof FieldError
>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Required: Story = {};
export const TooLong: Story = { args: { error: issueError({ code: 'too_long', params: { max: 60 } }) } };
export const Sentence: Story = { args: { error: textError('This domain already has a subscription.') } };
