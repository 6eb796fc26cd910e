import type { InputFile } from '../app/ports';

/** A picked file's bytes; FileReader where Blob.arrayBuffer is missing (older webviews, jsdom). */
export function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

export async function readFiles(list: readonly File[]): Promise<InputFile[]> {
  return Promise.all(list.map(async (f) => ({ name: f.name, bytes: await readBytes(f) })));
}
