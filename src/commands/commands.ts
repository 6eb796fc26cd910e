// The ribbon button only opens the task pane (ShowTaskpane); this function file exists because
// the manifest's VersionOverrides requires one, and it must still start when Office.js is absent.
const office = (globalThis as { Office?: { onReady?: () => unknown } }).Office;
if (office && typeof office.onReady === 'function') void office.onReady();
