import type { OfficeSettingsLike } from '../../host/office-api';

/** Document settings as the services need them; Office.context.document.settings in Excel. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  save(): Promise<void>;
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
