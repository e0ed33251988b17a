/**
 * Saves `text` as a JSON file named `name`. The link is attached while clicked (some browsers
 * require it) and its URL revoked later: revoking at once can cancel the download before it starts.
 */
export function downloadJson(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
