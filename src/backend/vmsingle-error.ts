/**
 * Why the bundled vmsingle could not be started or kept running. These reach operators through
 * the log and the exit message, never clients: they name paths and ports.
 */
import { StartupError, type StartupErrorOptions } from '../errors.ts';

/** The stable codes of VmsingleError. */
export type VmsingleErrorCode =
  /** The binary is not installed (spawn said ENOENT). */
  | 'ERR_VM_BINARY_MISSING'
  /** The binary exists but could not be executed (EACCES and friends). */
  | 'ERR_VM_SPAWN'
  /** Another vmsingle holds flock.lock in the storage directory. */
  | 'ERR_VM_LOCKED'
  /** The listen port was taken between picking it and vmsingle binding it. */
  | 'ERR_VM_PORT_TAKEN'
  /** It did not answer /health with OK within startTimeoutMs. */
  | 'ERR_VM_START_TIMEOUT'
  /** It exited during start for some other reason (bad flag, bad scrape config, ...). */
  | 'ERR_VM_EXITED'
  /** stop() was called while it was starting. */
  | 'ERR_VM_STOPPED'
  /** url was read before start() picked a port. */
  | 'ERR_VM_NOT_STARTED';

/** Options of VmsingleError. */
export interface VmsingleErrorOptions extends StartupErrorOptions {
  /** The last lines vmsingle printed, for diagnostics. (default: none) */
  output?: readonly string[];
}

/** A failure to start or run the bundled vmsingle; `code` says which. */
export class VmsingleError extends StartupError {
  override name = 'VmsingleError';
  declare readonly code: VmsingleErrorCode;
  /** The last lines vmsingle printed before the failure (empty when it never ran). */
  readonly output: readonly string[];
  constructor(code: VmsingleErrorCode, message: string, options: VmsingleErrorOptions = {}) {
    super(code, message, { cause: options.cause });
    this.output = options.output ?? [];
  }
}
