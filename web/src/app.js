// The page of `kindling serve`: an editor whose text is validated by the server as the user types
// (POST /v1/validate), findings shown as markers and as a list, the report downloaded as JSON or
// SARIF, and the render plan (POST /v1/render) with optional metadata. Everything it loads comes
// from the same server; user data goes nowhere else.
import { EditorState } from '@codemirror/state';
import {
  EditorView, drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';

const DEBOUNCE_MS = 250;
const MAX_BYTES = 1 << 20;
const EXAMPLE = `#cloud-config
hostname: node1
coreos:
  etcd2:
    advertise-client-urls: http://$private_ipv4:2379
    listen-client-urls: http://0.0.0.0:2379
  update:
    reboot_stratgy: etcd-lock
  units:
    - name: etcd2.service
      command: start
write_files:
  - path: /etc/motd
    permissions: 644
    content: |
      Welcome to node1
`;

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();

let view;
let validateTimer = null;
let renderTimer = null;
let validateSeq = 0;
let renderSeq = 0;
let gzipDoc = null; // the document as decompressed from a dropped gzip file, until edited

function userDataBytes() {
  return encoder.encode(view.state.doc.toString());
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    return body.error || `HTTP ${response.status}`;
  } catch (e) {
    return `HTTP ${response.status}`;
  }
}

function setStatus(state, text) {
  const status = $('status');
  status.dataset.state = state;
  status.textContent = text;
}

// The validator counts columns in code points; the editor in UTF-16 units.
function offsetOf(doc, line, column) {
  if (line < 1 || line > doc.lines) return null;
  const l = doc.line(line);
  let off = 0;
  for (let cp = 1; cp < column && off < l.text.length; cp++) {
    off += l.text.codePointAt(off) > 0xffff ? 2 : 1;
  }
  return l.from + off;
}

// A finding points at a key or value: underline up to the next blank or colon.
function rangeEnd(doc, from) {
  const l = doc.lineAt(from);
  let i = from - l.from;
  while (i < l.text.length && !/[\s:]/.test(l.text[i])) i++;
  return Math.max(l.from + i, Math.min(from + 1, l.to));
}

function docLink(code) {
  const a = document.createElement('a');
  a.className = 'code';
  a.href = `/docs/codes#${encodeURIComponent(code)}`;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = code;
  return a;
}

function findingNode(entry, tag) {
  const node = document.createElement(tag);
  const msg = document.createElement('div');
  msg.className = 'msg';
  msg.textContent = entry.message;
  node.append(msg);
  if (entry.hint) {
    const hint = document.createElement('div');
    hint.className = 'hint';
    hint.textContent = `hint: ${entry.hint}`;
    node.append(hint);
  }
  node.append(docLink(entry.code));
  return node;
}

// Lines of a transfer-encoded or compressed multipart part count within the decoded part: such
// findings are listed, not marked in the editor.
function markable(entry) {
  return !(entry.part && entry.part.endsWith(', decoded'));
}

function showReport(report) {
  const file = report.files[0];
  const doc = view.state.doc;
  const diagnostics = [];
  const list = $('findings');
  list.replaceChildren();
  for (const entry of file.entries) {
    const from = markable(entry) ? offsetOf(doc, entry.line, entry.column) : null;
    if (from !== null) {
      diagnostics.push({
        from,
        to: rangeEnd(doc, from),
        severity: entry.severity,
        source: entry.code,
        message: entry.hint ? `${entry.message} (hint: ${entry.hint})` : entry.message,
        renderMessage: () => findingNode(entry, 'span'),
      });
    }
    const item = findingNode(entry, 'li');
    item.classList.add('finding', entry.severity);
    item.dataset.line = entry.line;
    item.dataset.column = entry.column;
    item.dataset.code = entry.code;
    const where = document.createElement('div');
    where.className = 'where';
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = entry.severity;
    where.append(sev, `line ${entry.line}, column ${entry.column}${entry.part ? ` — ${entry.part}` : ''}`);
    item.prepend(where);
    if (from !== null) {
      item.addEventListener('click', (event) => {
        if (event.target.tagName === 'A') return;
        view.dispatch({ selection: { anchor: from, head: rangeEnd(doc, from) }, scrollIntoView: true });
        view.focus();
      });
    }
    list.append(item);
  }
  view.dispatch(setDiagnostics(view.state, diagnostics));
  const s = report.summary;
  $('errors').textContent = s.errors;
  $('warnings').textContent = s.warnings;
  $('infos').textContent = s.infos;
  const summary = $('summary');
  summary.dataset.errors = s.errors;
  summary.dataset.warnings = s.warnings;
  summary.dataset.infos = s.infos;
  $('clean').hidden = file.entries.length > 0 || doc.length === 0;
  const type = $('type');
  type.dataset.type = file.type;
  type.textContent = view.state.doc === gzipDoc ? `gzip → ${file.type}` : file.type;
}

async function validateNow() {
  const seq = ++validateSeq;
  const body = userDataBytes();
  if (body.length > MAX_BYTES) {
    setStatus('error', 'larger than 1 MiB: not checked');
    return;
  }
  setStatus('checking', 'checking…');
  const started = performance.now();
  try {
    const response = await fetch('/v1/validate?format=json', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body,
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    const report = await response.json();
    if (seq !== validateSeq) return; // the text changed meanwhile
    showReport(report);
    const n = report.files[0].entries.length;
    setStatus('done', `${n} finding${n === 1 ? '' : 's'} · ${Math.round(performance.now() - started)} ms`);
  } catch (e) {
    if (seq === validateSeq) setStatus('error', `not checked: ${e.message}`);
  }
}

function scheduleValidate() {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validateNow, DEBOUNCE_MS);
}

function describeAction(action) {
  const item = document.createElement('li');
  item.className = 'action';
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = action.type;
  const rest = Object.entries(action)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  item.append(kind, ' ', rest);
  return item;
}

function renderForm() {
  const form = new FormData();
  form.append('user-data', new Blob([userDataBytes()]), 'user-data');
  const metadata = $('metadata').value;
  if (metadata.trim()) form.append('metadata', new Blob([metadata], { type: 'application/json' }), 'metadata.json');
  return form;
}

let lastPlan = null;

async function renderNow() {
  const seq = ++renderSeq;
  const error = $('plan-error');
  try {
    const response = await fetch('/v1/render', { method: 'POST', body: renderForm() });
    if (!response.ok) throw new Error(await errorMessage(response));
    const plan = await response.json();
    if (seq !== renderSeq) return;
    lastPlan = plan;
    error.hidden = true;
    $('plan').replaceChildren(...plan.actions.map(describeAction));
  } catch (e) {
    if (seq !== renderSeq) return;
    error.textContent = `No plan: ${e.message}`;
    error.hidden = false;
  }
}

function scheduleRender() {
  if ($('panel-plan').hidden) return;
  clearTimeout(renderTimer);
  renderTimer = setTimeout(renderNow, DEBOUNCE_MS);
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function downloadReport(format, name, type) {
  try {
    const response = await fetch(`/v1/validate?format=${format}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: userDataBytes(),
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    download(name, type, await response.text());
  } catch (e) {
    setStatus('error', `no report: ${e.message}`);
  }
}

function setText(text, fromGzip) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  gzipDoc = fromGzip ? view.state.doc : null;
  validateNow();
  scheduleRender();
}

async function loadFile(file) {
  if (file.size > MAX_BYTES) {
    setStatus('error', `${file.name} is larger than 1 MiB (the limit)`);
    return;
  }
  let bytes = new Uint8Array(await file.arrayBuffer());
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (gzip) {
    try {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (e) {
      setStatus('error', `${file.name} is not valid gzip`);
      return;
    }
  }
  setText(new TextDecoder().decode(bytes), gzip);
}

function selectTab(name) {
  for (const tab of ['findings', 'plan']) {
    const selected = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(selected));
    $(`panel-${tab}`).hidden = !selected;
  }
  if (name === 'plan') renderNow();
}

// The editor injects its own style sheet; the server's Content-Security-Policy admits it by the
// nonce it put into this page (and into no other response).
function styleNonce() {
  const meta = document.querySelector('meta[name="kindling-style-nonce"]');
  return meta ? meta.content : '';
}

function start() {
  view = new EditorView({
    parent: $('editor'),
    state: EditorState.create({
      doc: '',
      extensions: [
        EditorView.cspNonce.of(styleNonce()),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        dropCursor(),
        indentOnInput(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        highlightActiveLine(),
        yaml(),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': 'user data', spellcheck: 'false' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            scheduleValidate();
            scheduleRender();
          }
        }),
        EditorView.domEventHandlers({
          drop(event) {
            const file = event.dataTransfer && event.dataTransfer.files[0];
            if (!file) return false;
            event.preventDefault();
            loadFile(file);
            return true;
          },
        }),
      ],
    }),
  });
  const pane = $('editor');
  pane.addEventListener('dragover', (event) => { event.preventDefault(); pane.classList.add('drop'); });
  pane.addEventListener('dragleave', () => pane.classList.remove('drop'));
  pane.addEventListener('drop', () => pane.classList.remove('drop'));
  $('file').addEventListener('change', (event) => {
    if (event.target.files[0]) loadFile(event.target.files[0]);
    event.target.value = '';
  });
  $('example').addEventListener('click', () => setText(EXAMPLE, false));
  $('download-json').addEventListener('click', () => downloadReport('json', 'kindling-report.json', 'application/json'));
  $('download-sarif').addEventListener('click', () => downloadReport('sarif', 'kindling.sarif', 'application/sarif+json'));
  $('download-plan').addEventListener('click', () => {
    if (lastPlan) download('kindling-plan.json', 'application/json', `${JSON.stringify(lastPlan, null, 2)}\n`);
  });
  $('tab-findings').addEventListener('click', () => selectTab('findings'));
  $('tab-plan').addEventListener('click', () => selectTab('plan'));
  $('metadata').addEventListener('input', scheduleRender);
  window.kindlingEditor = view; // for tests and the console
  validateNow();
  view.focus();
}

start();
