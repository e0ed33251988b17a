import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { issueText } from '../i18n/messages';
import type { Lang } from '../domain/format';
import { ApiError } from '../api/http';

/** The label, hint and error around one control, tied together with ids and aria-describedby. */
function Field({
  label,
  error,
  hint,
  control,
}: {
  label: string;
  error?: string;
  hint?: ReactNode;
  control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A labelled input whose error shows next to it (SPEC §5) and is tied to it with
 * aria-describedby; what the user typed is never cleared on error.
 */
export function TextField({ label, error, hint, ...input }: { label: string; error?: string; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} error={error} hint={hint} control={(a11y) => <input {...a11y} {...input} />} />;
}

export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: { label: string; error?: string; hint?: ReactNode; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      control={(a11y) => (
        <select {...a11y} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/**
 * Puts a 422/409 problem's field errors on the form's fields (in the interface language when
 * the server sent codes). Returns true when at least one field got an error.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, lang: Lang, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  let applied = false;
  const issues = error.problem.issues ?? [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (!fields.includes(field)) continue;
    setError(field as Path<T>, { type: 'server', message: issueText(issue, lang) });
    applied = true;
  }
  if (!applied) {
    for (const [path, messages] of Object.entries(error.problem.errors ?? {})) {
      const field = path.split('.')[0] ?? '';
      if (!fields.includes(field) || !messages[0]) continue;
      setError(field as Path<T>, { type: 'server', message: messages[0] });
      applied = true;
    }
  }
  return applied;
}
