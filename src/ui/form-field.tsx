import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/http';
import { errorSentence, FieldError, issueError, textError } from './field-error';
import { useLang } from './use-lang';

/** The label, hint and error around one control, tied together with ids and aria-describedby. */
function Field({
  label,
  error,
  hint,
  control,
  groupErrorId,
}: {
  label: string;
  /** A field error (see field-error.tsx) or a sentence. */
  error?: unknown;
  hint?: ReactNode;
  control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
  groupErrorId?: string;
}) {
  const id = useId();
  const lang = useLang();
  const fieldError = typeof error === 'string' ? textError(error) : error;
  const hasError = errorSentence(fieldError, lang) !== undefined;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hasError ? errorId : null, groupErrorId ?? null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, ...(hasError || groupErrorId ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={fieldError} />
    </div>
  );
}

/**
 * A labelled input whose error shows next to it (SPEC §5) and is tied to it with
 * aria-describedby; what the user typed is never cleared on error.
 */
export function TextField({
  label,
  error,
  hint,
  groupErrorId,
  ...input
}: {
  label: string;
  /** A field error (see field-error.tsx) or a sentence. */
  error?: unknown;
  hint?: ReactNode;
  /** The id of an error shown for a group of fields (a fieldset): this field is invalid and described by it too. */
  groupErrorId?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} error={error} hint={hint} groupErrorId={groupErrorId} control={(a11y) => <input {...a11y} {...input} />} />;
}

export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: { label: string; error?: unknown; hint?: ReactNode; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
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
 * Puts a 422/409 problem's field errors on the form's fields (its codes, translated when shown;
 * the server's sentences when it sent no codes). Returns true when at least one field got one.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  let applied = false;
  const issues = error.problem.issues ?? [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (!fields.includes(field)) continue;
    setError(field as Path<T>, issueError(issue, 'server'));
    applied = true;
  }
  if (!applied) {
    for (const [path, messages] of Object.entries(error.problem.errors ?? {})) {
      const field = path.split('.')[0] ?? '';
      if (!fields.includes(field) || !messages[0]) continue;
      setError(field as Path<T>, textError(messages[0]));
      applied = true;
    }
  }
  return applied;
}
