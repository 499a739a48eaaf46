// The reviewer page: screen a document, show findings in place, record review decisions.
"use strict";

const $ = (id) => document.getElementById(id);
const ACTION_ZH = { redact: "遮蔽", review: "人工审核", allow: "保留" };
const VERDICT_ZH = { block: "须遮蔽后发布", review: "需人工审核", pass: "可以发布" };
const STATUS_ZH = { open: "待处理", rectified: "已整改", retained: "保留（附理由）",
                    false_positive: "误报", allowed: "依规保留" };
let current = null; // {text, contract, ledgerId, findings}
let entityZh = {};
fetch("/web/entities.json").then((r) => r.json()).then((m) => { entityZh = m; });
const zh = (entity) => entityZh[entity] || entity;

$("key").value = sessionStorage.getItem("zwgk-key") || "";
$("key").addEventListener("change", () => sessionStorage.setItem("zwgk-key", $("key").value));

function headers(json) {
  const h = { Authorization: "Bearer " + $("key").value.trim() };
  if (json) h["Content-Type"] = "application/json";
  return h;
}

async function call(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${res.status}：${body.detail || res.statusText}`);
  return body;
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

// "名单!C5", "第2页 区域 …", "a.zip 里的 x.xlsx": where a finding is in the uploaded file
function whereLabel(loc) {
  if (!loc) return "";
  const parts = [];
  if (loc.member) parts.push(String(loc.member).split("!").pop());
  if (loc.cell) parts.push(loc.sheet ? `${loc.sheet}!${loc.cell}` : loc.cell);
  else if (loc.sheet) parts.push(`工作表名 ${loc.sheet}`);
  else if (loc.page) parts.push(`第${loc.page}页`);
  if (loc.part) parts.push(loc.part);
  if (loc.note) parts.push(`（${loc.note}）`);
  return parts.join(" ");
}

function boxLabel(loc) {
  if (!loc || !Array.isArray(loc.box)) return "";
  const unit = { mm: "毫米", pt: "磅" }[loc.unit] || "像素";
  return `区域 ${loc.box.map((v) => Math.round(v * 10) / 10).join(", ")}（${unit}）`;
}

// A spreadsheet upload: the text lines (one row each, cells by TAB) that hold findings,
// shown as a table with the finding cells marked.
function renderRows(text, findings) {
  const inCells = findings.filter((f) => f.location && f.location.cell);
  const lines = new Map(); // line start → {label, findings}
  for (const f of inCells) {
    const start = text.lastIndexOf("\n", f.start - 1) + 1;
    const row = String(f.location.cell).replace(/^[A-Z]+/, "");
    const label = (f.location.sheet ? f.location.sheet + " " : "") + `第${row}行`;
    if (!lines.has(start)) lines.set(start, { label, findings: [] });
    lines.get(start).findings.push(f);
  }
  const rows = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([start, info]) => {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let pos = start;
    const cells = text.slice(start, end).split("\t").map((cell) => {
      const a = pos, b = pos + cell.length;
      pos = b + 1;
      const hit = info.findings.find((f) => f.start < b && f.end > a);
      const body = escapeHtml(cell);
      return `<td>${hit ? `<mark class="${hit.action}">${body}</mark>` : body}</td>`;
    });
    return `<tr><th>${escapeHtml(info.label)}</th>${cells.join("")}</tr>`;
  });
  $("sheet-rows").querySelector("tbody").innerHTML = rows.join("");
  $("rows").hidden = rows.length === 0;
}

// A picture, PDF or OFD upload: thumbnails of the pages with findings (drawn by the server,
// one rectangle per finding in the colour of its action); a click on a box selects its row.
function renderPages(previews) {
  const list = previews || [];
  $("page-list").innerHTML = list.map((p) => {
    const label = (p.member ? String(p.member).split("!").pop() + " " : "") + `第${p.page}页`;
    const n = (a) => p.boxes.filter((b) => b.action === a).length;
    const spots = p.boxes.map((b) => {
      const [x0, y0, x1, y1] = b.box.map((v) => (100 * v));
      return `<a class="spot" data-finding="${b.finding}" style="left:${x0 / p.width}%;top:${
        y0 / p.height}%;width:${(x1 - x0) / p.width}%;height:${(y1 - y0) / p.height}%"></a>`;
    }).join("");
    return `<figure><div class="page-img"><img src="${p.image}" alt="${escapeHtml(label)}">${spots}</div>
      <figcaption>${escapeHtml(label)}：遮蔽 ${n("redact")}，审核 ${n("review")}，保留 ${n("allow")}</figcaption></figure>`;
  }).join("");
  $("pages").hidden = list.length === 0;
}

function render() {
  const { text, contract, findings } = current;
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let html = "", pos = 0;
  for (const f of sorted) {
    if (f.start < pos) continue; // overlapping spans: the first wins on screen
    html += escapeHtml(text.slice(pos, f.start));
    const done = f.status && f.status !== "open" ? " done" : "";
    html += `<mark class="${f.action}${done}" id="m${f.key}" title="${escapeHtml(
      `${zh(f.entity)}｜${ACTION_ZH[f.action]}｜${f.rule}：${f.reason}`)}">` +
      escapeHtml(text.slice(f.start, f.end)) + "</mark>";
    pos = f.end;
  }
  $("doc").innerHTML = html + escapeHtml(text.slice(pos));
  $("verdict").textContent = VERDICT_ZH[contract.verdict];
  $("verdict").className = "verdict-" + contract.verdict;
  const n = (a) => findings.filter((f) => f.action === a).length;
  $("counts").textContent = `遮蔽 ${n("redact")}，审核 ${n("review")}，保留 ${n("allow")}`;
  const rows = sorted.map((f) => `<tr data-key="${f.key}">
      <td>${escapeHtml(zh(f.entity))}</td><td>${escapeHtml(f.masked)}</td>
      <td class="where">${escapeHtml(whereLabel(f.location))}${
        boxLabel(f.location) ? "<br>" + escapeHtml(boxLabel(f.location)) : ""}</td>
      <td>${ACTION_ZH[f.action]}</td>
      <td>${escapeHtml(f.rule)}<div class="reason">${escapeHtml(f.reason)}${
        f.basis ? "（" + escapeHtml(f.basis) + "）" : ""}</div></td>
      <td>${f.id === undefined ? "—" : reviewCell(f)}</td></tr>`);
  $("findings").querySelector("tbody").innerHTML = rows.join("");
  renderRows(text, sorted);
  renderPages(contract.previews);
  $("result").hidden = false;
}

function reviewCell(f) {
  if (f.status && f.status !== "open") return STATUS_ZH[f.status];
  return ["rectified", "retained", "false_positive"].map((s) =>
    `<button class="small" data-id="${f.id}" data-status="${s}">${STATUS_ZH[s]}</button>`).join(" ");
}

async function screen() {
  $("status").textContent = "审查中……";
  try {
    let contract;
    const meta = { source: $("source").value || null, department: $("department").value || null };
    if ($("file").files.length) {
      const form = new FormData();
      form.append("file", $("file").files[0]);
      for (const [k, v] of Object.entries(meta)) if (v) form.append(k, v);
      contract = await call("/v1/screen?previews=1", { method: "POST", headers: headers(false), body: form });
    } else {
      contract = await call("/v1/screen", { method: "POST", headers: headers(true),
        body: JSON.stringify({ text: $("text").value, ...meta }) });
    }
    const text = contract.source_text ?? $("text").value;
    let findings = contract.findings.map((f, i) => ({ ...f, key: i }));
    if (contract.ledger_document_id) {
      const rows = await call(`/v1/ledger/documents/${contract.ledger_document_id}/findings`,
                              { headers: headers(false) });
      const byPos = new Map(rows.map((r) => [`${r.start}:${r.end}:${r.entity}`, r]));
      findings = findings.map((f) => {
        const r = byPos.get(`${f.start}:${f.end}:${f.entity}`);
        return r ? { ...f, id: r.id, status: r.status } : f;
      });
    }
    const file = $("file").files.length ? $("file").files[0] : null;
    current = { text, contract, findings, ledgerId: contract.ledger_document_id, file };
    render();
    $("status").textContent = "";
  } catch (e) {
    $("status").textContent = "出错：" + e.message;
  }
}

async function review(button) {
  const status = button.dataset.status;
  let reason = "";
  if (status === "retained") {
    reason = prompt("保留的理由（必填）") || "";
    if (!reason) return;
  }
  try {
    const row = await call(`/v1/ledger/findings/${button.dataset.id}/status`, {
      method: "POST", headers: headers(true), body: JSON.stringify({ status, reason }) });
    const f = current.findings.find((x) => x.id === row.id);
    f.status = row.status;
    render();
    $("status").textContent = `已记录：${STATUS_ZH[row.status]}`;
  } catch (e) {
    $("status").textContent = "出错：" + e.message;
  }
}

function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

// An uploaded file comes back redacted in its own format (/v1/redact), text as .txt
async function download() {
  if (!current.file) {
    save(new Blob([current.contract.redacted], { type: "text/plain;charset=utf-8" }), "redacted.txt");
    return;
  }
  try {
    const form = new FormData();
    form.append("file", current.file);
    const res = await fetch("/v1/redact", { method: "POST", headers: headers(false), body: form });
    if (!res.ok) throw new Error(`${res.status}：${(await res.json().catch(() => ({}))).detail || res.statusText}`);
    const type = res.headers.get("content-type") || "";
    if (type.startsWith("application/json")) {
      const body = await res.json();
      save(new Blob([body.redacted], { type: "text/plain;charset=utf-8" }), "redacted.txt");
      return;
    }
    const disposition = res.headers.get("content-disposition") || "";
    const m = disposition.match(/filename\*=UTF-8''([^;]+)/);
    save(await res.blob(), m ? decodeURIComponent(m[1]) : "redacted");
  } catch (e) {
    $("status").textContent = "出错：" + e.message;
  }
}

$("screen").addEventListener("click", screen);
$("download").addEventListener("click", download);
$("page-list").addEventListener("click", (e) => {
  if (!e.target.matches("a.spot")) return;
  const row = document.querySelector(`#findings tr[data-key="${e.target.dataset.finding}"]`);
  if (row) { row.scrollIntoView({ block: "center" }); row.classList.add("picked");
             setTimeout(() => row.classList.remove("picked"), 1500); }
});
$("findings").addEventListener("click", (e) => {
  if (e.target.matches("button[data-status]")) review(e.target);
});
