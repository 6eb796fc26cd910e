// The ribbon button only opens the task pane (ShowTaskpane); this function file exists because
// the manifest's VersionOverrides requires one, and it must still start when Office.js is absent.
declare const Office: { onReady?: (cb?: () => void) => unknown } | undefined;

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady();
}
