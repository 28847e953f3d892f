// Validates each OpenAPI document named on the command line against the official JSON schema of
// its OpenAPI version. Prints one line per document; exits 1 if any is invalid.
import { Validator } from "@seriousme/openapi-schema-validator";

let failed = false;
for (const file of process.argv.slice(2)) {
  const validator = new Validator();
  const result = await validator.validate(file);
  if (result.valid) {
    console.log(`valid OpenAPI ${validator.version}: ${file}`);
  } else {
    failed = true;
    console.log(`INVALID: ${file}`);
    console.log(JSON.stringify(result.errors, null, 2));
  }
}
process.exit(failed ? 1 : 0);
