/* The fields that describe a home-made HMAC scheme for the generic provider. */
import type { GenericHmacConfig } from '../../../../shared/api/signatures';

export const DEFAULT_GENERIC: GenericHmacConfig = {
  algorithm: 'sha256',
  encoding: 'hex',
  header: 'X-Signature',
  prefix: '',
  template: '{body}',
};

export function GenericConfigForm({
  value,
  onChange,
}: {
  value: GenericHmacConfig;
  onChange(next: GenericHmacConfig): void;
}): React.JSX.Element {
  const set = <K extends keyof GenericHmacConfig>(key: K, v: GenericHmacConfig[K]): void =>
    onChange({ ...value, [key]: v });
  const text = (
    key: 'header' | 'prefix' | 'template' | 'timestampHeader' | 'idHeader',
    label: string,
    placeholder = '',
  ) => (
    <label className="sig-field">
      <span>{label}</span>
      <input
        type="text"
        spellCheck={false}
        value={value[key] ?? ''}
        placeholder={placeholder}
        onChange={(e) =>
          set(key, e.target.value === '' && key !== 'prefix' && key !== 'header' ? undefined : e.target.value)
        }
      />
    </label>
  );
  return (
    <fieldset className="sig-generic">
      <legend>Generic HMAC scheme</legend>
      <label className="sig-field">
        <span>Algorithm</span>
        <select
          value={value.algorithm}
          onChange={(e) => set('algorithm', e.target.value as GenericHmacConfig['algorithm'])}
        >
          <option value="sha1">HMAC-SHA1</option>
          <option value="sha256">HMAC-SHA256</option>
          <option value="sha512">HMAC-SHA512</option>
        </select>
      </label>
      <label className="sig-field">
        <span>Encoding</span>
        <select
          value={value.encoding}
          onChange={(e) => set('encoding', e.target.value as GenericHmacConfig['encoding'])}
        >
          <option value="hex">hex</option>
          <option value="base64">base64</option>
        </select>
      </label>
      <label className="sig-field">
        <span>Secret is</span>
        <select
          value={value.secretEncoding ?? 'utf8'}
          onChange={(e) => set('secretEncoding', e.target.value as NonNullable<GenericHmacConfig['secretEncoding']>)}
        >
          <option value="utf8">text</option>
          <option value="hex">hex bytes</option>
          <option value="base64">base64 bytes</option>
        </select>
      </label>
      {text('header', 'Signature header', 'X-Signature')}
      {text('prefix', 'Prefix', 'sha256=')}
      {text('template', 'Signed content', '{timestamp}.{body}')}
      {text('timestampHeader', 'Timestamp header', 'X-Timestamp')}
      {text('idHeader', 'Id header', 'X-Webhook-Id')}
      <p className="muted sig-help">
        Placeholders: {'{body}'} (raw bytes), {'{timestamp}'}, {'{id}'}, {'{url}'}, {'{method}'}.
      </p>
    </fieldset>
  );
}
