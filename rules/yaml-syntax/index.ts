import { defineRule } from '../../src/linter/rule.js';

/**
 * Reported by the loader (src/load/read.ts, src/load/source.ts): a file that cannot be read as UTF-8 text, or a
 * document that cannot be parsed. These findings are fatal: the objects of that document are not checked.
 */
export default defineRule({
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    fatal: true,
    description: 'Report YAML syntax errors and files that are not readable YAML text',
    messages: {
      parseError: '{{reason}}',
      tooDeep: 'Document not loaded: collections nested more than {{limit}} levels deep',
      notLoaded: 'Document not loaded: {{reason}}',
      unprintable:
        'Character {{character}} is not allowed in YAML (kubectl refuses the file: "control characters are not allowed"); write it as an escape in a double-quoted string',
      notRead: 'File not read: {{reason}}',
      directoryNotRead: 'Directory not read: {{reason}}; the files in it were not linted',
      brokenLink: "Broken symbolic link: its target '{{target}}' does not exist",
      removed: 'File not found: it was removed before it could be read',
      linkLoop: 'Symbolic link loop: the link leads back to itself; not read',
      directoryLoop: "Symbolic link loop: the link leads back to '{{target}}', a directory it is in; not followed",
      notRegularFile: 'Not a regular file ({{type}}): not read',
      isDirectory: 'Path is a directory, not a file',
      tooLarge: 'File not read: {{size}} bytes is over the limit of {{limit}} bytes (--max-file-size)',
      tooLargeStream: 'Input not read: it is larger than the limit of {{limit}} bytes (--max-file-size); reading stopped there',
      utf16: 'File is UTF-16 text (it starts with a UTF-16 byte-order mark); only UTF-8 is read',
      binary: 'File contains NUL bytes: it is binary, not YAML text',
      notUtf8: 'File is not valid UTF-8 text',
    },
  },
});
