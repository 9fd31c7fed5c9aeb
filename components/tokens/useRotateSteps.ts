import { useState } from 'preact/hooks';
import type { Result } from '../../utils/lib';
import { t } from '../../utils/lib';
import type { CreateOutcome } from '../../utils/tokens';
import { rotatedName } from '../../utils/tokens';

export interface RotateSteps {
  name: string;
  setName(name: string): void;
  busy: boolean;
  error: string | null;
  /** Step 1: creates the replacement under `name`. */
  create(event: Event): Promise<void>;
  /** Step 2: revokes the old token, closing the dialog once done. */
  revokeOld(): Promise<void>;
}

interface RotateStepsInput {
  oldName: string;
  now: number;
  onCreate(name: string): Promise<CreateOutcome>;
  onRevokeOld(): Promise<Result<void>>;
  onClose(): void;
}

/** The rotate dialog's state: the new name, a step under way, and the last step's error. */
export function useRotateSteps(input: RotateStepsInput): RotateSteps {
  const [name, setName] = useState(() => rotatedName(input.oldName, input.now));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(step: () => Promise<T>, done: (value: T) => string | null): Promise<void> {
    setBusy(true);
    const value = await step();
    setBusy(false);
    setError(done(value));
  }

  const create = (event: Event): Promise<void> => {
    event.preventDefault();
    return run(
      () => input.onCreate(name),
      (outcome) => (!outcome.ok ? outcome.message : outcome.token ? null : t('replacementPending')),
    );
  };
  const revokeOld = (): Promise<void> =>
    run(input.onRevokeOld, (result) => {
      if (result.ok) input.onClose();
      return result.ok ? null : result.error.message;
    });

  return { name, setName, busy, error, create, revokeOld };
}
