import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { useMessages } from '../i18n/messages';
import { useHydrated } from '../lib/hydration';
import { useTypedBeforeScript } from '../lib/use-typed-before-script';

interface PasswordFieldProps {
  id: string;
  name: string;
  label: string;
  autoComplete: 'current-password' | 'new-password';
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  /** The id of what says the field's problem, when it has one. */
  problemId?: string;
  /** Each new text, for whoever follows it (the strength meter). */
  onValue?: (value: string) => void;
  /** Under the field: its problem, a strength meter. */
  children?: ReactNode;
}

/**
 * A password input with a button that shows or hides what was typed, and a note while Caps Lock is
 * on. Sending the form hides the text again, so it is not left on screen after the request.
 */
export function PasswordField({
  id,
  name,
  label,
  autoComplete,
  inputRef,
  invalid = false,
  problemId,
  onValue,
  children,
}: PasswordFieldProps) {
  const { passwordField } = useMessages();
  const hydrated = useHydrated();
  const [shown, setShown] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const capsLockId = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);

  useTypedBeforeScript(() => wrapperRef.current?.querySelector('input'), onValue);

  useEffect(() => {
    const form = wrapperRef.current?.closest('form');
    if (!form) return;
    const hide = () => {
      setShown(false);
    };
    form.addEventListener('submit', hide);
    return () => {
      form.removeEventListener('submit', hide);
    };
  }, []);

  // Any key or click tells the modifier's state; focus alone does not.
  const readCapsLock = (event: KeyboardEvent | MouseEvent) => {
    setCapsLock(event.getModifierState('CapsLock'));
  };

  const describedBy = [problemId, capsLock ? capsLockId : undefined].filter(Boolean).join(' ');

  return (
    <div className="field" ref={wrapperRef}>
      <label htmlFor={id}>{label}</label>
      <div className="password-input">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type={shown ? 'text' : 'password'}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onKeyDown={readCapsLock}
          onKeyUp={readCapsLock}
          onMouseDown={readCapsLock}
          onBlur={() => {
            setCapsLock(false);
          }}
          onChange={
            onValue === undefined
              ? undefined
              : (event) => {
                  onValue(event.target.value);
                }
          }
        />
        <button
          type="button"
          className="password-toggle"
          aria-controls={id}
          aria-pressed={shown}
          disabled={!hydrated}
          onClick={() => {
            setShown((current) => !current);
          }}
        >
          {shown ? passwordField.hide : passwordField.show}
        </button>
      </div>
      {/* Always there, so that screen readers already follow it when the text arrives. */}
      <p id={capsLockId} className="field-note" role="status">
        {capsLock ? passwordField.capsLock : ''}
      </p>
      {children}
    </div>
  );
}
