/**
 * Moves the focus to the first field in error, in the form's order: a keyboard user lands where
 * the fix is, and a screen reader reads that field's message. Returns whether a field took it.
 */
export function focusFirstProblem(form: HTMLElement | null | undefined): boolean {
  const field = form?.querySelector('.form-field.invalid');
  const target = field?.querySelector<HTMLElement>(
    'input:not([type=hidden]), textarea, select, [tabindex]:not([tabindex="-1"])',
  );
  target?.focus();
  return target !== null && target !== undefined;
}
