import { useId, useRef } from 'preact/hooks';
import type { BackupModel } from '../../utils/backup';
import { t } from '../../utils/lib';

interface BackupSectionProps {
  model: BackupModel;
}

/** Saves `text` as a file through the page's own download link (no browser API needed). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy of the data once started; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export and import (issue 15): what exists only on this device, in a file without secrets. */
export function BackupSection({ model }: BackupSectionProps) {
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const message = model.message.value;
  return (
    <section class="card field backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p class="muted small">{t('backupIntro')}</p>
      <p class="muted small">{t('backupMerge')}</p>
      <div class="row wrap">
        <button
          type="button"
          disabled={model.busy.value}
          onClick={() => void model.exportFile().then(({ name, text }) => download(name, text))}
        >
          {t('exportButton')}
        </button>
        <label for={fileId}>{t('importLabel')}</label>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept="application/json,.json"
          disabled={model.busy.value}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (!file) return;
            // Cleared, so choosing the same file again (after fixing it) imports it again.
            void model.importFile(file).finally(() => {
              if (input.current) input.current.value = '';
            });
          }}
        />
      </div>
      <p class={message?.error ? 'banner error' : 'notice'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
