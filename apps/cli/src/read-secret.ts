import { createInterface } from 'node:readline';

/**
 * A secret from the terminal without echoing it, or the first line of standard input when it is
 * piped (`echo "$PASSWORD" | presales login --username admin`), so it never sits in an argument
 * list where `ps` shows it.
 */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin, terminal: false });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  return new Promise((resolve) => {
    const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing of what is typed after the prompt.
    (terminal as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
      if (text.startsWith(prompt)) process.stdout.write(prompt);
    };
    terminal.question(prompt, (answer) => {
      terminal.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
