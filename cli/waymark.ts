import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { toWebAnnotationsJson } from '../lib/exchange/export-annotations';
import { toCsv } from '../lib/exchange/export-csv';
import { toHtmlJourneyMap } from '../lib/exchange/export-html';
import { serializeExportFile } from '../lib/exchange/export-json';
import { toMermaidJourney } from '../lib/exchange/export-mermaid';
import { mergeExports } from '../lib/exchange/merge';
import { parseImport } from '../lib/exchange/parse-import';
import { isZip, readZipBundle } from '../lib/exchange/zip-bundle';
import type { ExportFile } from '../lib/model/export-file';
import pkg from '../package.json' with { type: 'json' };

/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

const HELP = `waymark ${pkg.version}: work with Waymark exports from the command line.

Usage:
  waymark validate <file>...                     check files; prints problems, exit 1 if any file is invalid
  waymark merge <file>... -o <out.json>          merge exports (newer change wins; any order gives the same bytes)
  waymark export <file> --format <format> [-o <out>] [--journey <id>]
                                                 formats: json, csv, mermaid, html, annotations
  waymark --help | --version

Files may be Waymark JSON exports or ZIP bundles. Without -o, output goes to stdout.
Exit codes: 0 success, 1 an input file is invalid, 2 wrong usage.`;

class UsageError extends Error {}

/** Reads and validates one export (JSON or ZIP), or throws with the file's problems. */
async function load(path: string): Promise<ExportFile> {
  const bytes = new Uint8Array(await readFile(path));
  const text = isZip(bytes) ? readZipBundle(bytes).json : new TextDecoder().decode(bytes);
  const result = parseImport(text);
  if (result.ok) return result.file;
  throw new Error(`${path}:\n${result.problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}`);
}

async function output(text: string, out: string | undefined, stdout: (s: string) => void): Promise<void> {
  if (out) await writeFile(out, text);
  else stdout(text);
}

function render(file: ExportFile, format: string, journey: string | undefined): string {
  const journeyId = journey ?? file.journeys[0]?.id;
  const needJourney = () => {
    if (!journeyId) throw new Error('The file has no journey to show.');
    return journeyId;
  };
  switch (format) {
    case 'json':
      return serializeExportFile(file);
    case 'csv':
      return toCsv(file);
    case 'mermaid':
      return toMermaidJourney(file, needJourney());
    case 'html':
      return toHtmlJourneyMap(file, needJourney());
    case 'annotations':
      return toWebAnnotationsJson(file);
    default:
      throw new UsageError(`Unknown format "${format}". Use json, csv, mermaid, html or annotations.`);
  }
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(
  argv: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  },
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        journey: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    const [command, ...files] = positionals;
    if (values.help || !command) {
      io.stdout(`${HELP}\n`);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    if (values.version) {
      io.stdout(`${pkg.version}\n`);
      return EXIT.ok;
    }
    if (files.length === 0) throw new UsageError(`"${command}" needs at least one file.`);
    switch (command) {
      case 'validate': {
        let bad = 0;
        for (const path of files) {
          try {
            const file = await load(path);
            io.stdout(`${path}: valid (${file.journeys.length} journeys, ${file.touchpoints.length} touchpoints)\n`);
          } catch (error) {
            bad += 1;
            io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
          }
        }
        return bad ? EXIT.invalid : EXIT.ok;
      }
      case 'merge': {
        const loaded = await Promise.all(files.map(load));
        const merged = mergeExports(loaded, { generator: `Waymark CLI ${pkg.version}` });
        await output(serializeExportFile(merged), values.output, io.stdout);
        if (values.output) io.stdout(`Merged ${files.length} files into ${values.output}\n`);
        return EXIT.ok;
      }
      case 'export': {
        if (files.length !== 1) throw new UsageError('"export" takes exactly one file.');
        if (!values.format) throw new UsageError('"export" needs --format.');
        const file = await load(files[0]!);
        await output(render(file, values.format, values.journey), values.output, io.stdout);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`waymark: ${error instanceof Error ? error.message : String(error)}\n${usage ? 'Try: waymark --help\n' : ''}`);
    return usage ? EXIT.usage : EXIT.invalid;
  }
}
