import { useEffect, useRef } from 'react';

/**
 * A ref for an <a download> whose href is `text` as a file, through a Blob URL that lives as long
 * as the link shows that text. The href is set on the element rather than kept in state, so that
 * StrictMode's second mount gets a URL of its own instead of the one its first cleanup revoked.
 */
export function useDownloadLink(text: string) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const link = ref.current;
    if (link === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    link.href = url;
    return () => {
      link.removeAttribute('href');
      URL.revokeObjectURL(url);
    };
  }, [text]);
  return ref;
}
