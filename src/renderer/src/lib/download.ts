/* Saves text or exact bytes as a file through the browser's download path (works in Electron's renderer too). */
function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(fileName: string, text: string, type: string): void {
  download(fileName, new Blob([text], { type }));
}

/** The bytes go into the Blob untouched: no charset conversion, no line-ending changes. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type = 'application/octet-stream'): void {
  download(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}
