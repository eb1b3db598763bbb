export function MethodBadge({ method }: { method: string }): React.JSX.Element {
  const known = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(method);
  return <span className={`method-badge method-${known ? method.toLowerCase() : 'other'}`}>{method}</span>;
}

export function StatusBadge({ status }: { status: number }): React.JSX.Element {
  const kind = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'ok';
  return (
    <span className={`status-badge status-${kind}`} aria-label={`Answered ${status}`}>
      {status}
    </span>
  );
}
