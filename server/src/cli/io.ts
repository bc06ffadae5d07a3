/** What a command reads and writes through: the CLI's streams and folder, or the MCP server's stand-ins. */
import type { LintConfig } from '../engine/config';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  /** `mcp` only (mcp.ts): what lint reads instead of the disk. */
  overlay?: LintOverlay;
}
/** An unsaved buffer (`file`'s text, the file need not exist) and settings laid over every file's configuration. */
export interface LintOverlay {
  file?: string;
  text?: string;
  config?: Pick<LintConfig, 'environment' | 'release'>;
}
