// Validates an OpenAPI 3.x document (schema and references) and prints its paths; exit 1 with the reason when invalid.
const SwaggerParser = require("@apidevtools/swagger-parser");

(async () => {
  try {
    const api = await SwaggerParser.validate(process.argv[2]);
    console.log(`valid OpenAPI ${api.openapi}: ${Object.keys(api.paths).length} paths`);
  } catch (error) {
    console.error(`invalid: ${error.message}`);
    process.exit(1);
  }
})();
