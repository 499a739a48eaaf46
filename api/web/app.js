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
      <td>${ACTION_ZH[f.action]}</td>
      <td>${escapeHtml(f.rule)}<div class="reason">${escapeHtml(f.reason)}${
        f.basis ? "（" + escapeHtml(f.basis) + "）" : ""}</div></td>
      <td>${f.id === undefined ? "—" : reviewCell(f)}</td></tr>`);
  $("findings").querySelector("tbody").innerHTML = rows.join("");
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
      contract = await call("/v1/screen", { method: "POST", headers: headers(false), body: form });
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
    current = { text, contract, findings, ledgerId: contract.ledger_document_id };
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

function download() {
  const blob = new Blob([current.contract.redacted], { type: "text/plain;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "redacted.txt";
  a.click();
  URL.revokeObjectURL(a.href);
}

$("screen").addEventListener("click", screen);
$("download").addEventListener("click", download);
$("findings").addEventListener("click", (e) => {
  if (e.target.matches("button[data-status]")) review(e.target);
});
