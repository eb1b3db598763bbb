import { useEffect, useState } from 'react';
import { CopyIcon } from './copy-icon';

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy capture URL". */
  label: string;
  /** Visible text when idle (default "Copy"); `icon` shows a copy icon instead, the label as its tooltip. */
  caption?: string | 'icon';
  className?: string;
}

export function CopyButton({ text, label, caption = 'Copy', className }: CopyButtonProps): React.JSX.Element {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className={`copy-button ${caption === 'icon' ? 'copy-button-icon' : ''} ${className ?? ''}`}
      aria-label={label}
      title={label}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      <span aria-live="polite">
        {state === 'copied' ? (
          'Copied'
        ) : state === 'failed' ? (
          'Copy failed'
        ) : caption === 'icon' ? (
          <CopyIcon />
        ) : (
          caption
        )}
      </span>
    </button>
  );
}
