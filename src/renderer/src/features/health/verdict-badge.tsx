/* The signature verdict as an icon with an accessible name, for list rows and the overview. */
import { assertNever } from '../../../../shared/errors';
import type { SignatureVerdict } from '../../../../shared/health';
import { Icon } from '../../components/icon';

export function verdictLabel(verdict: SignatureVerdict): string {
  switch (verdict) {
    case 'valid':
      return 'Signature valid';
    case 'invalid':
      return 'Signature invalid';
    case 'no-secret':
      return 'Signature not checked: no secret stored';
    case 'unsigned':
      return 'Not signed';
    default:
      return assertNever(verdict, 'signature verdict');
  }
}

function glyph(verdict: SignatureVerdict): React.JSX.Element {
  switch (verdict) {
    case 'valid':
      return <path d="M3.5 8.5l3 3 6-7" />;
    case 'invalid':
      return <path d="M4 4l8 8M12 4l-8 8" />;
    case 'no-secret':
      return (
        <>
          <circle cx="6" cy="8" r="2.5" />
          <path d="M8.5 8H14M12 8v2.5" />
        </>
      );
    case 'unsigned':
      return <circle cx="8" cy="8" r="4.5" strokeDasharray="2 2" />;
    default:
      return assertNever(verdict, 'signature verdict');
  }
}

export function VerdictBadge({ verdict, title }: { verdict: SignatureVerdict; title?: string }): React.JSX.Element {
  const label = verdictLabel(verdict);
  return (
    <span className={`verdict-badge verdict-${verdict}`} role="img" aria-label={label} title={title ?? label}>
      <Icon size={13} strokeWidth={2} strokeLinecap="round">
        {glyph(verdict)}
      </Icon>
    </span>
  );
}
