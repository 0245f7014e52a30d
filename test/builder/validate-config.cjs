// Validates electron-builder.yml with electron-builder's own schema, offline. Exit 1 on errors.
// Uses app-builder-lib internals (pinned electron-builder version); see README.
const path = require('node:path');
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

async function validate(projectDir, configFile) {
  const config = await getConfig(projectDir, configFile, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

module.exports = { validate };

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', '..');
  validate(dir, path.join(dir, 'electron-builder.yml')).then(
    () => console.log('electron-builder.yml: giltig'),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
