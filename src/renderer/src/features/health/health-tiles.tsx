/* The window's totals as tiles; a tone marks a tile worth a look. */
import type { HealthTotals } from '../../../../shared/api/health';

type Tone = 'ok' | 'bad' | 'warn';

interface TileDef {
  label: string;
  key: keyof HealthTotals;
  /** A tone the tile always has. */
  tone?: Tone;
  /** A tone the tile takes only while its count is above zero. */
  toneIfAny?: Tone;
  unit?: string;
}

const TILES: TileDef[] = [
  { label: 'Deliveries', key: 'deliveries' },
  { label: 'Valid signatures', key: 'valid', tone: 'ok' },
  { label: 'Invalid signatures', key: 'invalid', toneIfAny: 'bad' },
  { label: 'No secret', key: 'noSecret' },
  { label: 'Unsigned', key: 'unsigned' },
  { label: 'Duplicates', key: 'duplicates', toneIfAny: 'warn' },
  { label: 'Forwarded', key: 'forwardDelivered' },
  { label: 'Forward retries', key: 'forwardRetried' },
  { label: 'Forward failures', key: 'forwardFailed', toneIfAny: 'bad' },
  { label: 'Latency p50', key: 'latencyP50', unit: ' ms' },
  { label: 'Latency p95', key: 'latencyP95', unit: ' ms' },
  { label: 'Refusals', key: 'refusals', toneIfAny: 'warn' },
];

export function HealthTiles({ totals }: { totals: HealthTotals }): React.JSX.Element {
  return (
    <dl className="health-tiles" aria-label="Totals">
      {TILES.map(({ label, key, tone, toneIfAny, unit = '' }) => {
        const value = totals[key];
        const shown = tone ?? (toneIfAny && value !== null && value > 0 ? toneIfAny : undefined);
        return (
          <div key={key} className={`health-tile ${shown ? `tone-${shown}` : ''}`} role="group" aria-label={label}>
            <dt>{label}</dt>
            <dd>{value === null ? '—' : `${value}${unit}`}</dd>
          </div>
        );
      })}
    </dl>
  );
}
