/**
 * One field-error convention for every form. A field's error holds a domain code and its
 * params — `{ type, message: code, params }` — from the domain's `validate()` (through
 * `domainResolver`) or from a 422/409's `issues`; it becomes a sentence only when shown
 * (`FieldError`, `errorSentence`), so a language switch re-translates it. Only prose the server
 * wrote itself, or a sentence a screen composes (`textError`), is stored as text.
 */
import type { ErrorOption, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { Lang } from '../domain/format';
import type { ValidationIssue } from '../domain/schemas';
import { issueText } from '../i18n/messages';
import { useLang } from './use-lang';

type Params = Record<string, string | number>;
/** A domain issue at a form path (`resources.disk_space.amount`). */
export type FormIssue = { path: string; code: string; params?: Params };
export type IssueError = ErrorOption & { params?: Params };

const TEXT = 'text';

export function issueError(issue: Pick<ValidationIssue, 'code' | 'params'>, type = 'validation'): IssueError {
  return { type, message: issue.code, ...(issue.params ? { params: issue.params } : {}) };
}

/** A sentence that is already in the interface language (or the server's own prose). */
export function textError(message: string): IssueError {
  return { type: TEXT, message };
}

/** The sentence of a field's error in `lang`; undefined when there is none. */
export function errorSentence(error: unknown, lang: Lang): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { type, message, params } = error as IssueError;
  if (!message) return undefined;
  return type === TEXT ? message : issueText({ code: message, ...(params ? { params } : {}) }, lang);
}

/** Issues as react-hook-form errors at their (dotted) paths; the first issue of a path wins. */
export function errorsOf<T extends FieldValues>(issues: readonly FormIssue[]): FieldErrors<T> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    let node = errors;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    const last = parts[parts.length - 1]!;
    node[last] ??= issueError(issue);
  }
  return errors as FieldErrors<T>;
}

export type Checked<Out> = { ok: true; value: Out } | { ok: false; issues: readonly FormIssue[] };

/**
 * The one resolver: `check` runs the domain's `validate()` on what the form would send and
 * answers its value or its issues at form paths (codes and params kept).
 */
export function domainResolver<T extends FieldValues, Out = T>(check: (form: T) => Checked<Out>): Resolver<T, unknown, Out> {
  return async (form) => {
    const result = check(form);
    return result.ok ? { values: result.value, errors: {} } : { values: {}, errors: errorsOf<T>(result.issues) };
  };
}

/** The error under a field, tied to it by `id` (the control's aria-describedby). */
export function FieldError({ id, error }: { id: string; error: unknown }) {
  const lang = useLang();
  const text = errorSentence(error, lang);
  return text ? (
    <p className="field-error" id={id}>
      {text}
    </p>
  ) : null;
}
