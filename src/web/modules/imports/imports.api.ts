import { api, apiDownload, apiUpload } from '../../app/api';

export const importKinds = ['talents', 'enterprises'] as const;
export type ImportKind = (typeof importKinds)[number];
export type ImportMode = 'allOrNothing' | 'validOnly';
export type ImportStatus = 'previewed' | 'running' | 'done' | 'failed';

/** A problem of the file: the row as Excel numbers it (0: the file as a whole), the column's header, the reason. */
export type ImportProblem = { row: number; column: string; message: string };

export type ImportPreview = { id: string; kind: ImportKind; fileName: string; total: number; valid: number; invalid: number; problems: ImportProblem[]; status: 'previewed' };

export type ImportRun = {
  id: string;
  kind: ImportKind;
  fileName?: string;
  status: ImportStatus;
  mode: ImportMode | null;
  total: number;
  valid: number;
  processed: number;
  imported: number;
  problems: ImportProblem[];
  finishedAt: string | null;
};

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const downloadTemplate = (kind: ImportKind, fallbackName: string) => apiDownload(`/api/imports/templates/${kind}`, undefined, fallbackName);
/** Sends the workbook's bytes as they are (not JSON) for a check; nothing is imported yet. */
export const previewImport = (kind: ImportKind, file: File) => apiUpload<ImportPreview>(`/api/imports/${kind}`, file, xlsxMediaType, { fileName: file.name });
export const commitImport = (id: string, mode: ImportMode) => api.post<{ id: string; status: 'running' }>(`/api/imports/${id}/commit`, { mode });
export const fetchImport = (id: string) => api.get<ImportRun>(`/api/imports/${id}`);
