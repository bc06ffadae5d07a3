/** The one request the browser build adds: the server has no disk, so the client reads the workspace's files for it. */
export const READ_FILES_REQUEST = 'openstackHa/readFiles';

export interface ReadFilesParams {
  /** Files or folders to read (a folder: every file under it); none: every file of the workspace folders. */
  uris?: string[];
}

export interface ReadFile {
  uri: string;
  /** The text; absent when the file could not be read, is too large, or is gone. */
  text?: string;
}

export interface ReadFilesResult {
  files: ReadFile[];
  /** The client stopped at its bound on the number of files. */
  truncated?: boolean;
}

/** The client reads at most this many files of a workspace, each of at most MAX_FILE_BYTES. */
export const MAX_FILES = 5000;
export const MAX_FILE_BYTES = 1024 * 1024;

/** The folders the client does not read (node/files.ts's SKIP_DIRS, which the web build cannot import; a test keeps them equal). */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.hg', '.svn', '.tox', '.venv', '__pycache__'];
