/**
 * The files the configuration names, read at start: one that cannot be used stops start-up as
 * invalid configuration (a ConfigError, exit 2 with main.ts's message), as a bad variable does.
 */
import { ConfigError } from '../config.ts';
import { ConfiguredFileError } from '../errors.ts';
import { readTlsPair, type TlsFiles, type TlsPair } from '../tls/tls.ts';

/** Awaits `reading`, turning a ConfiguredFileError into the ConfigError that names its variable. */
export async function asConfigError<T>(reading: Promise<T>): Promise<T> {
  try {
    return await reading;
  } catch (error) {
    if (!(error instanceof ConfiguredFileError)) throw error;
    const { variable, file, message } = error;
    throw new ConfigError([{ variable, value: file, message }]);
  }
}

/** readTlsPair for start-up: a bad pair is a configuration error (exit 2). */
export function loadTlsPair(files: TlsFiles): Promise<TlsPair> {
  return asConfigError(readTlsPair(files));
}
