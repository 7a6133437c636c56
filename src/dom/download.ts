/** Saves text as a file the way a page can: a temporary link to a Blob, clicked. */

/**
 * `beside` is where the link goes for its moment in the document: inside the preview's own
 * shadow root, so the host page never sees it. The byte-order mark makes spreadsheet programs
 * read the file as UTF-8 (comments in Finnish or Hungarian keep their letters).
 */
export function downloadText(beside: Element, fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  beside.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
