import type { ReactNode, Ref } from 'react';

/**
 * A form's problem that belongs to no field, announced when it appears. Focusable from script
 * only: after a failed submit the form moves focus here, so that the person lands on the reason.
 */
export function FormAlert({
  ref,
  id,
  children,
}: {
  ref: Ref<HTMLDivElement>;
  id?: string;
  children: ReactNode;
}) {
  return (
    <div ref={ref} id={id} className="notice notice--error" role="alert" tabIndex={-1}>
      {children}
    </div>
  );
}
