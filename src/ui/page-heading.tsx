import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. After a route change that removed the focused control (the login button, say),
 * focus would fall back to <body>; moving it here lets screen readers announce the new page.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) {
      ref.current?.focus();
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
