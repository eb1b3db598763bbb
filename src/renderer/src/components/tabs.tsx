/*
 * WAI-ARIA tabs: arrow keys move between tabs, the active panel is labelled by its tab.
 */
import { useId, useRef, type ReactNode } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: string;
  render(): ReactNode;
}

export interface TabsProps<K extends string> {
  tabs: TabDef<K>[];
  active: K;
  onChange(key: K): void;
  label: string;
}

export function Tabs<K extends string>({ tabs, active, onChange, label }: TabsProps<K>): React.JSX.Element {
  const base = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const current = tabs.find((t) => t.key === active) ?? tabs[0];
  const move = (delta: number): void => {
    const i = tabs.findIndex((t) => t.key === current.key);
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    onChange(next.key);
    refs.current.get(next.key)?.focus();
  };
  return (
    <div className="tabs">
      <div
        role="tablist"
        aria-label={label}
        className="tablist"
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') move(1);
          else if (e.key === 'ArrowLeft') move(-1);
        }}
      >
        {tabs.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              if (el) refs.current.set(t.key, el);
            }}
            role="tab"
            type="button"
            id={`${base}-tab-${t.key}`}
            aria-controls={`${base}-panel-${t.key}`}
            aria-selected={t.key === current.key}
            tabIndex={t.key === current.key ? 0 : -1}
            onClick={() => onChange(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel-${current.key}`}
        aria-labelledby={`${base}-tab-${current.key}`}
        className="tabpanel"
      >
        {current.render()}
      </div>
    </div>
  );
}
