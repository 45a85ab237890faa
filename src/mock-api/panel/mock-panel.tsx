/**
 * The Mock API panel: a collapsed button in a corner that opens the mock's settings, so a
 * developer provokes slow answers, failures and ended sessions without editing code. Only in
 * builds with the mock on; every change lands in MockConfig, which the handlers read per request.
 */
import { useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { env } from '../../config/env';
import { BACKEND_MOCKS } from '../backend-mocks';
import {
  MOCK_FAILURE_KINDS,
  type MockConfig,
  type MockFailureKind,
  type MockLatencyMode,
} from '../server/mock-config';
import { Mailbox } from './mailbox';
import type { MockControls } from './mock-controls';
import type { TokenActionResult } from '../server/mock-server-state';
import { UserFactors } from './user-factors';

const FAILURE_LABELS: Record<MockFailureKind, string> = {
  'server-error': '500 Internal Server Error',
  'network-error': 'No network',
  'rate-limited': '429 Too Many Requests',
  timeout: 'Timeout (no answer)',
};

const LATENCY_LABELS: Record<MockLatencyMode, string> = {
  fixed: 'Fixed',
  random: 'Random',
};

const NEXT_REQUEST_NOTE = 'The app notices at its next API request (a reload makes one).';

function tokenActionStatus(
  result: TokenActionResult,
  action: 'expire' | 'revoke',
  expiredAnswer: string,
): string {
  switch (result) {
    case 'done':
      return action === 'expire'
        ? `The server now answers ${expiredAnswer} ${NEXT_REQUEST_NOTE}`
        : `The server now answers 401 “Token has been revoked” to the current token. ${NEXT_REQUEST_NOTE}`;
    case 'no-token':
      return `No one is logged in: there is no token to ${action}.`;
    case 'not-a-jwt':
      return 'The stored token is not a JWT: the server rejects it already.';
  }
}

/** Faults that are on, shown on the collapsed button so they are not forgotten. */
function activeFaults(config: MockConfig): number {
  const latency =
    config.latencyMode === 'fixed'
      ? config.latencyMs > 0
      : Math.max(config.latencyMinMs, config.latencyMaxMs) > 0;
  return [latency, config.failNext, config.failurePercent > 0].filter(Boolean).length;
}

interface NumberFieldProps {
  label: string;
  value: number;
  min?: number;
  max?: number;
  onCommit: (value: number) => void;
}

/** A number input that saves each valid value as it is typed, and forgets an invalid one on blur. */
function NumberField({ label, value, min = 0, max, onCommit }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  // The setting changed elsewhere (reset, another tab): show it, unless the draft already says so.
  if (value !== shownValue) {
    setShownValue(value);
    if (Number(draft) !== value) setDraft(String(value));
  }
  const accepts = (text: string) => {
    const number = Number(text);
    return (
      text.trim() !== '' &&
      Number.isFinite(number) &&
      number >= min &&
      (max === undefined || number <= max)
    );
  };
  return (
    <div className="mock-panel__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        aria-invalid={accepts(draft) ? undefined : true}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (accepts(text)) onCommit(Number(text));
        }}
        onBlur={() => {
          setDraft(String(value));
        }}
      />
    </div>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

function CheckboxField({ label, checked, onChange }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="mock-panel__check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function MockPanel({ controls }: { controls: MockControls }) {
  const { config: store } = controls;
  const config = useSyncExternalStore(store.subscribe, store.read);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const toggleRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  const latencyName = useId();
  const failureKindId = useId();
  const update = (changes: Partial<MockConfig>) => {
    store.update(changes);
  };
  const faults = activeFaults(config);
  const tokenControls = BACKEND_MOCKS[env.dialect.profile].panel;

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <aside className="mock-panel" aria-label="Mock API">
      <button
        ref={toggleRef}
        type="button"
        className="mock-panel__toggle"
        aria-expanded={open}
        aria-controls={open ? bodyId : undefined}
        onClick={() => {
          setOpen(!open);
        }}
      >
        Mock API
        {faults > 0 && (
          <>
            {' '}
            <span className="mock-panel__badge">
              {faults === 1 ? '1 fault on' : `${faults} faults on`}
            </span>
          </>
        )}
      </button>
      {open && (
        <div id={bodyId} className="mock-panel__body" onKeyDown={closeOnEscape}>
          <h2 className="mock-panel__title">Mock API</h2>

          <fieldset className="mock-panel__group">
            <legend>Latency</legend>
            <div className="mock-panel__choices">
              {(['fixed', 'random'] as const).map((mode) => (
                <label key={mode} className="mock-panel__choice">
                  <input
                    type="radio"
                    name={latencyName}
                    value={mode}
                    checked={config.latencyMode === mode}
                    onChange={() => {
                      update({ latencyMode: mode });
                    }}
                  />
                  {LATENCY_LABELS[mode]}
                </label>
              ))}
            </div>
            {config.latencyMode === 'fixed' ? (
              <NumberField
                label="Delay (ms)"
                value={config.latencyMs}
                onCommit={(latencyMs) => {
                  update({ latencyMs });
                }}
              />
            ) : (
              <div className="mock-panel__pair">
                <NumberField
                  label="Minimum (ms)"
                  value={config.latencyMinMs}
                  onCommit={(latencyMinMs) => {
                    update({ latencyMinMs });
                  }}
                />
                <NumberField
                  label="Maximum (ms)"
                  value={config.latencyMaxMs}
                  onCommit={(latencyMaxMs) => {
                    update({ latencyMaxMs });
                  }}
                />
              </div>
            )}
          </fieldset>

          <fieldset className="mock-panel__group">
            <legend>Failures</legend>
            <div className="mock-panel__field">
              <label htmlFor={failureKindId}>Kind of failure</label>
              <select
                id={failureKindId}
                value={config.failureKind}
                onChange={(event) => {
                  const kind = MOCK_FAILURE_KINDS.find((k) => k === event.target.value);
                  if (kind !== undefined) update({ failureKind: kind });
                }}
              >
                {MOCK_FAILURE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {FAILURE_LABELS[kind]}
                  </option>
                ))}
              </select>
            </div>
            {config.failureKind === 'rate-limited' && (
              <NumberField
                label="Retry-After (s)"
                value={config.retryAfterSeconds}
                onCommit={(retryAfterSeconds) => {
                  update({ retryAfterSeconds });
                }}
              />
            )}
            <CheckboxField
              label="Fail the next request"
              checked={config.failNext}
              onChange={(failNext) => {
                update({ failNext });
              }}
            />
            <NumberField
              label="Requests that fail (%)"
              value={config.failurePercent}
              max={100}
              onCommit={(failurePercent) => {
                update({ failurePercent });
              }}
            />
          </fieldset>

          <fieldset className="mock-panel__group">
            <legend>Tokens</legend>
            <NumberField
              label="Access token lifetime (s)"
              value={config.tokenLifetimeSeconds}
              min={1}
              onCommit={(tokenLifetimeSeconds) => {
                update({ tokenLifetimeSeconds });
              }}
            />
            {tokenControls.showIssueRefreshTokens && (
              <CheckboxField
                label="Issue refresh tokens (POST /refresh)"
                checked={config.issueRefreshTokens}
                onChange={(issueRefreshTokens) => {
                  update({ issueRefreshTokens });
                }}
              />
            )}
            {tokenControls.showRefreshTokenLifetime(config) && (
              <NumberField
                label="Refresh token lifetime (s)"
                value={config.refreshTokenLifetimeSeconds}
                min={1}
                onCommit={(refreshTokenLifetimeSeconds) => {
                  update({ refreshTokenLifetimeSeconds });
                }}
              />
            )}
            {tokenControls.showRotateRefreshTokens && (
              <CheckboxField
                label="Rotate refresh tokens"
                checked={config.rotateRefreshTokens}
                onChange={(rotateRefreshTokens) => {
                  update({ rotateRefreshTokens });
                }}
              />
            )}
            <div className="mock-panel__actions">
              <button
                type="button"
                className="mock-panel__button"
                onClick={() => {
                  setStatus(
                    tokenActionStatus(
                      controls.expireCurrentToken(),
                      'expire',
                      tokenControls.expiredAnswer,
                    ),
                  );
                }}
              >
                Expire the current token
              </button>
              {tokenControls.showRevoke && (
                <button
                  type="button"
                  className="mock-panel__button"
                  onClick={() => {
                    setStatus(
                      tokenActionStatus(
                        controls.revokeCurrentToken(),
                        'revoke',
                        tokenControls.expiredAnswer,
                      ),
                    );
                  }}
                >
                  Revoke the current token
                </button>
              )}
            </div>
          </fieldset>

          {env.passwordReset ? <Mailbox mailbox={controls.mailbox} /> : null}

          {tokenControls.showFactors === true && (
            <UserFactors
              factors={controls.factors}
              loginIdentifier={env.loginIdentifier}
              onReset={(name) => {
                setStatus(
                  `${name} logs in with a password alone: two-step verification off, no passkeys.`,
                );
              }}
            />
          )}

          <p className="mock-panel__status" role="status">
            {status}
          </p>
          <button
            type="button"
            className="mock-panel__button"
            onClick={() => {
              controls.reset();
              setStatus('Users, tokens, factors and settings are back to their defaults.');
            }}
          >
            Reset users and settings
          </button>
        </div>
      )}
    </aside>
  );
}
