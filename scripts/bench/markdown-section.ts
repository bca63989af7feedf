/**
 * A benchmark's figures in a Markdown document live between `<!-- bench:<name>:start -->` and
 * `<!-- bench:<name>:end -->`; each run replaces what is between them and leaves the rest of the file,
 * hand-written text included, as it was. The file is then formatted as `npm run lint` expects.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

export async function replaceSection(path: string, name: string, content: string): Promise<void> {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no ${start} … ${end} section to replace`);
  const replaced = `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
  const options = { ...(await prettier.resolveConfig(path)), filepath: path };
  writeFileSync(path, await prettier.format(replaced, options));
}
