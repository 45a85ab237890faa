import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QrCode } from './qr-code';

const download = vi.hoisted(() => ({ fails: true }));

// The QR encoder is a chunk of its own: its download can fail like any other.
vi.mock('uqr', async (importOriginal) => {
  if (download.fails) {
    download.fails = false;
    throw new Error('Failed to fetch dynamically imported module');
  }
  return importOriginal();
});

describe('the set-up’s QR code', () => {
  it('says when the encoder could not be downloaded, and tries again', async () => {
    const user = userEvent.setup();
    render(
      <QrCode
        text="otpauth://totp/Gatehouse:ada?secret=JBSWY3DPEHPK3PXP"
        alt="QR"
        failedText="No QR code."
      />,
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No QR code.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    const image = await screen.findByRole('img', { name: 'QR' });
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml,%3Csvg/);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
