import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintMessage, LintResult, RuleMeta } from '../types.js';
import type { FormatterContext } from './context.js';
import { PACKAGE, ruleDocsUrl } from './package-info.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The conventional base id for the analysed sources (GitHub code scanning reads paths relative to it). */
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every known rule in
 * tool.driver.rules, one result per finding. Files inside cwd get a relative URI against %SRCROOT%
 * (cwd); others an absolute file URI. Suppressed findings are results with `suppressions`.
 */
export function formatSarif(results: readonly LintResult[], { cwd, rulesMeta }: Pick<FormatterContext, 'cwd' | 'rulesMeta'>): string {
  const ruleIds = [...new Set([...Object.keys(rulesMeta), ...reportedRuleIds(results)])].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const root = pathToFileURL(join(cwd, '/')).href;
  const sarifResults = results.flatMap((result) => {
    const location = artifactLocation(result.filePath, root);
    return [...result.messages, ...result.suppressedMessages].map((message) => toResult(message, location, ruleIndex));
  });
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stslint',
            version: PACKAGE.version,
            informationUri: PACKAGE.repository,
            rules: ruleIds.map((id) => reportingDescriptor(id, rulesMeta[id])),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root } },
        // Columns count UTF-16 code units, as JavaScript string offsets do (SARIF's default, stated).
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function reportedRuleIds(results: readonly LintResult[]): string[] {
  return results.flatMap((result) =>
    [...result.messages, ...result.suppressedMessages].flatMap((message) => (message.ruleId ? [message.ruleId] : [])),
  );
}

function reportingDescriptor(id: string, meta: RuleMeta | undefined) {
  if (!meta) return { id, shortDescription: { text: id } };
  const url = ruleDocsUrl(id);
  return {
    id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.description },
    helpUri: url,
    help: { text: `${meta.description}. Documentation: ${url}`, markdown: `${meta.description}. See [${id}](${url}).` },
    defaultConfiguration: meta.severity === 'off' ? { enabled: false } : { level: meta.severity },
  };
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/**
 * Files inside cwd: a relative reference against %SRCROOT%; others: an absolute file URI. A relative reference
 * keeps no `:` (RFC 3986 §4.2: a colon in its first segment would make `javascript:alert(1)/x.yaml` or
 * `C:x.yaml` a URI with a scheme), so colons are written %3A, which viewers decode.
 */
function artifactLocation(filePath: string, root: string): ArtifactLocation {
  // A display name such as <stdin>: a relative reference with no base, which viewers show as is.
  if (!isAbsolute(filePath)) return { uri: encodeURIComponent(filePath) };
  const uri = pathToFileURL(filePath).href;
  return uri.startsWith(root) ? { uri: uri.slice(root.length).replaceAll(':', '%3A'), uriBaseId: SRCROOT } : { uri };
}

function toResult(message: LintMessage, artifact: ArtifactLocation, ruleIndex: Map<string, number>) {
  const rule = message.ruleId ? { ruleId: message.ruleId, ruleIndex: ruleIndex.get(message.ruleId) } : {};
  return {
    ...rule,
    level: message.fatal || message.severity === 2 ? 'error' : 'warning',
    message: { text: message.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact,
          region: {
            startLine: message.line,
            startColumn: message.column,
            endLine: message.endLine,
            endColumn: message.endColumn,
          },
        },
      },
    ],
    ...(message.suppressions ? { suppressions: suppressionsOf(message) } : {}),
  };
}

/**
 * Comment directives and object annotations both live in the manifest that was analysed: SARIF's
 * `inSource` ("suppressed by a syntactic construct offered by the programming language"), not
 * `external` ("in an external, persistent store"), per SARIF 2.1.0 §3.35.2.
 */
function suppressionsOf(message: LintMessage) {
  const suppressions = message.suppressions!.map(({ justification }) => (justification ? { kind: 'inSource', justification } : { kind: 'inSource' }));
  return suppressions.length > 0 ? suppressions : [{ kind: 'inSource' }];
}
