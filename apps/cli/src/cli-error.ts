import { ColumnMappingError, CsvEncodingError, CsvSyntaxError } from '@presales/interchange';
import { DemoScaleError } from '@presales/demo';

/**
 * The one error a command reports as `presales <command>: <message>` and exit code 2, never with
 * a stack: a usage error (an option, an argument), a platform that cannot be reached or refused
 * the request, input that cannot be read.
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Errors of the libraries the CLI drives that say what is wrong with the user's input: reported as a CliError is. */
const INPUT_ERRORS = [ColumnMappingError, CsvEncodingError, CsvSyntaxError, DemoScaleError] as const;

/** A command's failure: a CliError or input error is printed and gives exit code 2; anything else is a bug and is rethrown. */
export function reportFailure(command: string, error: unknown): 2 {
  if (!(error instanceof CliError) && !INPUT_ERRORS.some((type) => error instanceof type)) throw error;
  console.error(`presales ${command}: ${(error as Error).message}`);
  return 2;
}
