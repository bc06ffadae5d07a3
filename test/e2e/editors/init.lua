-- Headless Neovim (0.7+) as a user would set it up (the README's snippet), plus a driver that prints
-- the diagnostics and a hover as JSON lines and quits.
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  callback = function(args)
    local id = vim.lsp.start_client({
      name = 'openstack-ha',
      cmd = { 'node', os.getenv('OSHA_SERVER'), '--stdio' },
      root_dir = vim.fn.getcwd(),
      settings = { openstackHa = { enable = true } },
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})

local enc = vim.json and vim.json.encode or vim.fn.json_encode

_G.osha_run = function(hover_line, hover_col)
  local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
    io.stdout:write('DIAG ' .. enc({ line = d.lnum, col = d.col, severity = d.severity, code = code, message = d.message }) .. '\n')
  end
  local res = vim.lsp.buf_request_sync(0, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = hover_line, character = hover_col } }, 10000)
  local r = res and select(2, next(res))
  io.stdout:write('HOVER ' .. enc(r and r.result and r.result.contents or {}) .. '\n')
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.cmd(ok and 'qa!' or 'cquit 1')
end
