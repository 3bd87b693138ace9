import { helpText, parseArgs } from './commands.js';
import { start } from './start.js';

const parsed = parseArgs(process.argv.slice(2));
if ('error' in parsed) {
  console.error(`presales: ${parsed.error}\n\n${helpText()}`);
  process.exit(2);
}
switch (parsed.command) {
  case 'start':
    start(parsed.options);
    break;
  case 'help':
    console.log(helpText());
    break;
}
