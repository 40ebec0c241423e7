import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint.js';

const hasNeovim = spawnSync('nvim', ['--version']).status === 0;

/** Neovim's built-in LSP client (nvim --headless) opens a manifest and writes the diagnostics it received as JSON. */
const CHECK = `
local client = vim.lsp.start_client({ cmd = { 'node', SERVER }, root_dir = vim.fn.getcwd(), name = 'stslint' })
vim.cmd('edit web.yaml')
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out, { d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, d.code or '' })
end
local f = io.open(OUT, 'w')
f:write(vim.fn.json_encode({ ok = ok, diagnostics = out }))
f:close()
vim.lsp.stop_client(client)
vim.cmd('qa!')
`;

describe.skipIf(!hasNeovim)('the language server in a real editor (Neovim headless, built-in LSP client)', () => {
  it('shows the findings the CLI gives, at the same positions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stslint-nvim-'));
    writeFileSync(join(dir, 'web.yaml'), readFileSync('fixtures/examples/web.yaml', 'utf8'));
    const out = join(dir, 'out.json');
    const script = `local SERVER = ${JSON.stringify(resolve('bin/stslint-lsp.js'))}\nlocal OUT = ${JSON.stringify(out)}\n${CHECK}`;
    writeFileSync(join(dir, 'check.lua'), script);
    const nvim = spawnSync('nvim', ['--headless', '--clean', '-c', 'luafile check.lua'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(nvim.status).toBe(0);
    const received = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: [number, number, number, number, string][] };
    const cli = await lintFiles([join(dir, 'web.yaml')], { cwd: dir });
    const expected = cli.results[0].messages.map((message) => [message.line, message.column, message.endLine, message.endColumn, message.ruleId]);
    expect(received.ok).toBe(true);
    expect(expected.length).toBeGreaterThan(0);
    expect(received.diagnostics.sort()).toEqual(expected.sort());
  }, 90_000);
});
