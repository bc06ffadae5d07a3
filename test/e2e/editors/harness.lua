-- Headless Neovim around the README's set-up (OSHA_CONFIG, run unchanged): opens files the way a user
-- does (:edit) and prints what the editor holds as lines the test parses, then quits.
dofile(os.getenv('OSHA_CONFIG'))

local enc = vim.json and vim.json.encode or vim.fn.json_encode

local function say(tag, value)
  io.stdout:write(tag .. ' ' .. enc(value) .. '\n')
end

-- the ids of the clients attached to a buffer, and of every running client
-- (vim.lsp.get_clients from 0.10, when the older names went deprecated)
local function attached(buf)
  local ids = {}
  if vim.lsp.get_clients then
    for _, c in ipairs(vim.lsp.get_clients({ bufnr = buf })) do
      table.insert(ids, c.id)
    end
  else
    for id in pairs(vim.lsp.buf_get_clients(buf)) do
      table.insert(ids, id)
    end
  end
  table.sort(ids)
  return ids
end

local function running()
  return vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
end

-- every client started, initialised or not: ids are numbered from 1, and a client that is gone has none
local function started()
  local ids = {}
  for id = 1, 500 do
    if vim.lsp.get_client_by_id(id) then table.insert(ids, id) end
  end
  return ids
end

local function done(ok)
  say('CLIENTS', started())
  vim.lsp.stop_client(running())
  vim.cmd(ok and 'qa!' or 'cquit 1')
end

local function diagnostics(buf, file)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
    say('DIAG', { file = file, line = d.lnum, col = d.col, severity = d.severity, code = code, message = d.message })
  end
end

-- FILES: the files to open in turn; each buffer's diagnostics once it has some; a hover in the first.
_G.osha_diagnose = function(files, hover_line, hover_col)
  local ok = true
  local bufs = {}
  for _, file in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local buf = vim.api.nvim_get_current_buf()
    bufs[file] = buf
    ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) and ok
    diagnostics(buf, file)
    say('ATTACH', { file = file, clients = attached(buf) })
  end
  local first = bufs[files[1]]
  local res = vim.lsp.buf_request_sync(first, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(first) }, position = { line = hover_line, character = hover_col } }, 10000)
  local r = res and select(2, next(res))
  say('HOVER', r and r.result and r.result.contents or {})
  done(ok)
end

-- LIST: a file naming one file a line; each is opened, then, once the server is up, the clients of each.
_G.osha_attach = function(list)
  local files, bufs = vim.fn.readfile(list), {}
  for i, file in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    bufs[i] = vim.api.nvim_get_current_buf()
  end
  local up = vim.wait(20000, function()
    local clients = running()
    return #clients > 0 and clients[1].initialized == true
  end, 50)
  for i, file in ipairs(files) do
    say('ATTACH', { file = file, clients = attached(bufs[i]) })
  end
  done(up)
end
