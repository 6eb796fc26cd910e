/** Document settings as the services need them; Office.context.document.settings in Excel. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  save(): Promise<void>;
}

/** The part of Office.context.document.settings used (typed here: Office.js may be absent at run time). */
export interface OfficeSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback: (result: { status: string; error?: { message: string } }) => void): void;
}

export function officeSettings(settings: OfficeSettingsLike): SettingsStore {
  return {
    get: (name) => settings.get(name),
    set: (name, value) => settings.set(name, value),
    remove: (name) => settings.remove(name),
    save: () =>
      new Promise((resolve, reject) => {
        settings.saveAsync((result) => (result.status === 'succeeded' ? resolve() : reject(new Error(result.error?.message ?? 'Settings could not be saved'))));
      }),
  };
}

/** Settings kept in memory: the browser preview and tests. */
export function memorySettings(initial: Readonly<Record<string, unknown>> = {}): SettingsStore & { readonly saved: Readonly<Record<string, unknown>> } {
  const live = new Map(Object.entries(initial));
  let saved: Record<string, unknown> = { ...initial };
  return {
    get: (name) => live.get(name),
    set: (name, value) => void live.set(name, value),
    remove: (name) => void live.delete(name),
    save: async () => {
      saved = Object.fromEntries(live);
    },
    get saved() {
      return saved;
    },
  };
}
