// What an importer from another app hands the import pipeline (src/commands/import/apps.ts): plain values, each
// with the place in the file it came from (for errors) and the app's own id for it (for idempotence).

export const APPS = ['freecbt', 'cbt-toolkit', 'jrnl', 'dayone', 'daylio'] as const;
export type AppName = (typeof APPS)[number];

/** What people may type after --from, and the app each means. */
export const APP_ALIASES: Record<string, AppName | 'reframe'> = {
  reframe: 'reframe',
  freecbt: 'freecbt', quirk: 'freecbt',
  'cbt-toolkit': 'cbt-toolkit', 'cbt-toolkit-app': 'cbt-toolkit',
  jrnl: 'jrnl',
  dayone: 'dayone', 'day-one': 'dayone',
  daylio: 'daylio',
};

/** A thought record, in the shape of Reframe's record JSON (validated by the pipeline). */
export interface ImportedRecord {
  pos: string;
  sourceId: string;
  record: Record<string, unknown>;
  updatedAt?: string;
}

export interface ImportedNote {
  pos: string;
  sourceId: string;
  kind: 'entry' | 'experiment';
  writtenAt: string;
  title?: string;
  body: string;
  tags: string[];
  starred: boolean;
}

export interface ImportedCheckin {
  pos: string;
  sourceId: string;
  createdAt: string;
  mood: number;
  moodLabel: string;
  words?: string;
  tags: string[];
}

export interface AppImport {
  app: AppName;
  /** The variant read, e.g. "JSON", "CSV", "backup string", "zip". */
  variant: string;
  records: ImportedRecord[];
  notes: ImportedNote[];
  checkins: ImportedCheckin[];
  /** The app's pattern names and the ids they became (FreeCBT). */
  distortionMap?: Record<string, string>;
  /** The mood words and the 0-100 moods they became (Daylio). */
  moodMap?: Record<string, number>;
}

export interface AppOptions {
  where: string;
  /** --mood-map, read. */
  moodMap?: Record<string, number>;
}

export function emptyImport(app: AppName, variant: string): AppImport {
  return { app, variant, records: [], notes: [], checkins: [] };
}
