import { InputError } from '../cli.ts';

/** A contract (openapi.yaml, catalog.yaml) the generator cannot render; the message names the file, the place and the fix. */
export class ContractError extends InputError {
  override name = 'ContractError';
}
