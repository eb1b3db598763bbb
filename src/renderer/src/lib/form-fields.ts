/*
 * application/x-www-form-urlencoded bodies as a field table: each field as sent and as decoded.
 * Decoding follows the WHATWG URL spec (`+` is a space, malformed escapes stay literal), the same
 * rules the Compare view uses, so nothing here throws on hostile input.
 */

export interface FormField {
  /** The name and value as they appear in the body. */
  rawName: string;
  rawValue: string;
  name: string;
  value: string;
}

export function isFormContentType(contentType: string | undefined): boolean {
  return /^\s*application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType ?? '');
}

export function formFields(text: string): FormField[] {
  if (text === '') return [];
  return text
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
      // One pair at a time, so a field's decoding never depends on its neighbours.
      const [decoded] = [...new URLSearchParams(pair)];
      return { rawName, rawValue, name: decoded?.[0] ?? rawName, value: decoded?.[1] ?? rawValue };
    });
}
