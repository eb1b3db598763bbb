import { useEffect, useState } from 'react';

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy capture URL". */
  label: string;
  /** Visible text when idle; where several copy buttons sit side by side, the label itself. */
  caption?: string;
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
      className={`copy-button ${className ?? ''}`}
      aria-label={label}
      title={label}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : caption}</span>
    </button>
  );
}
