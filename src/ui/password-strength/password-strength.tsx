import { useDeferredValue, useId, useMemo } from 'react';
import { useLocale } from '../../i18n/use-locale';
import { useStrengthMessages } from '../../i18n/strength-messages';
import { useModule } from '../../lib/use-module';
import { strengthEstimator } from './strength-estimator-loader';
import { MINIMUM_PASSWORD_LENGTH } from '../../backends/password-rules';
import { levelByShape, levelOfScore, type StrengthLevel } from './strength-level';

const NO_INPUTS: readonly string[] = [];

const METER_VALUE: Record<StrengthLevel, number> = { 'too-short': 0, weak: 1, fair: 2, strong: 3 };

interface PasswordStrengthProps {
  password: string;
  /** What the page knows of the person (the username typed): a password should not contain it. */
  userInputs?: readonly string[];
}

/**
 * How hard a new password is to guess, as a meter with a word and a hint. It advises only: the
 * form sends whatever was chosen, and the server has the last word.
 */
export function PasswordStrength({ password, userInputs = NO_INPUTS }: PasswordStrengthProps) {
  const messages = useStrengthMessages();
  const locale = useLocale();
  const estimator = useModule(strengthEstimator);
  // Typing stays responsive: the estimate follows the text when React has time.
  const deferred = useDeferredValue(password);
  const labelId = useId();

  const judged = useMemo(() => {
    const byShape = levelByShape(deferred);
    if (byShape !== null) {
      return {
        level: byShape.level,
        hint:
          byShape.why === 'length'
            ? messages.tooShort(MINIMUM_PASSWORD_LENGTH)
            : messages.onlyDigits,
      };
    }
    if (estimator.status === 'failed') return { level: null, hint: messages.unavailable };
    if (estimator.status !== 'loaded') return { level: null, hint: null };
    const { score, hint } = estimator.module.estimateStrength(deferred, locale, userInputs);
    const level = levelOfScore(score);
    return { level, hint: hint ?? (level === 'strong' ? null : messages.addWords) };
  }, [deferred, estimator, locale, userInputs, messages]);

  if (password === '') return null;
  const word = judged.level === null ? messages.checking : messages.levels[judged.level];
  return (
    <div className="strength">
      <p className="strength-summary" aria-live="polite">
        <span id={labelId}>{messages.label}</span>: <strong>{word}</strong>
      </p>
      <meter
        className="strength-meter"
        aria-labelledby={labelId}
        aria-valuetext={word}
        min={0}
        max={3}
        low={1.5}
        high={2.5}
        optimum={3}
        value={judged.level === null ? 0 : METER_VALUE[judged.level]}
      />
      {judged.hint !== null ? <p className="strength-hint">{judged.hint}</p> : null}
    </div>
  );
}
