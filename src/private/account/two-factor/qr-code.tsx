import { useMessages } from '../../../i18n/messages';
import { createModuleLoader } from '../../../lib/module-loader';
import { useModule } from '../../../lib/use-module';
import { Spinner } from '../../../ui/spinner';

// Only someone setting up two-step verification downloads the QR encoder.
const qrLoader = createModuleLoader(() => import('uqr'));

interface QrCodeProps {
  text: string;
  alt: string;
  /** Said, with a retry, when the encoder could not be downloaded. */
  failedText: string;
}

/** `text` as a QR code image: dark on light whatever the page's colours, with its quiet zone. */
export function QrCode({ text, alt, failedText }: QrCodeProps) {
  const { errors } = useMessages();
  const state = useModule(qrLoader);
  if (state.status === 'failed') {
    return (
      <div className="notice notice--warning" role="alert">
        <p>{failedText}</p>
        <button type="button" className="button button--secondary" onClick={qrLoader.prefetch}>
          {errors.retry}
        </button>
      </div>
    );
  }
  if (state.status !== 'loaded') return <Spinner />;
  const svg = state.module.renderSVG(text, { border: 4, pixelSize: 4 });
  return (
    <img
      className="qr-code"
      src={`data:image/svg+xml,${encodeURIComponent(svg)}`}
      alt={alt}
      width={200}
      height={200}
    />
  );
}
