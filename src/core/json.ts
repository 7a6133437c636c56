/** Stored JSON, or null when there is none or it does not parse: what a reader of storage checks the shape of. */
export function readJson(json: string | null): unknown {
  try {
    return JSON.parse(json ?? 'null');
  } catch {
    return null;
  }
}
