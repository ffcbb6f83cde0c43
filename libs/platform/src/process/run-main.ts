import { ConfigError } from '../config/config.schema';
import { isCodedError } from '../http/error-body';

// Errors a user can fix (bad settings, a service that is not there) carry a stable code and end
// the process with one line and exit code 1; only a defect gets a stack trace.
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || isCodedError(error)) {
      console.error(`dyad: ${error.message}`);
    } else {
      console.error('dyad: unexpected failure at start');
      console.error(error);
    }
    process.exit(1);
  });
}
