import { useState } from 'react';
import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';
import { useDownloadLink } from './use-download-link';
import { useFocusOnMount } from './use-focus-on-mount';

const FILE_NAME = 'gatehouse-recovery-codes.txt';

/**
 * The recovery codes two-step verification was just turned on with. The server keeps only their
 * hashes, so this is the one time they can be seen: copied, downloaded, or written down.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { codes: text } = useAccountFactorMessages().twoFactor;
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const asText = `${codes.join('\n')}\n`;
  const downloadRef = useDownloadLink(asText);

  const copy = async () => {
    setCopied(null);
    try {
      await navigator.clipboard.writeText(asText);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin) or no permission: the codes are still on screen.
      setCopied('failed');
    }
  };

  return (
    <div className="factor-step">
      <h3 ref={headingRef} tabIndex={-1}>
        {text.title}
      </h3>
      <p>{text.intro}</p>
      <ul className="recovery-codes" aria-label={text.list}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {text.copy}
        </button>
        <a ref={downloadRef} className="button button--secondary" download={FILE_NAME}>
          {text.download}
        </a>
        <button type="button" className="button" onClick={onDone}>
          {text.done}
        </button>
      </div>
      <p className={copied === 'yes' ? 'muted' : 'visually-hidden'} role="status">
        {copied === 'yes' ? text.copied : ''}
      </p>
      {copied === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {text.copyFailed}
        </p>
      ) : null}
    </div>
  );
}
