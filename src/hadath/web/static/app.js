// hadath dashboard: plain JS + SVG, no libraries, nothing fetched from outside this server.
// Every string from the database goes into the page through textContent (never innerHTML).
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const BLOC_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac"];
const QUAD_COLOURS = { 1: "#66bd63", 2: "#1a9850", 3: "#fdae61", 4: "#d73027" };
const state = { net: null, positions: {}, period: 0, page: { offset: 0, limit: 25, total: 0 }, filters: {}, dyad: null };

const $ = (sel) => document.querySelector(sel);
function el(tag, attrs = {}, text) {
  const svg = ["svg", "g", "line", "circle", "text", "path", "rect", "polyline", "title"].includes(tag);
  const node = svg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}
async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  }
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${path}: ${r.status} ${(await r.json()).message || ""}`);
  return r.json();
}
const scoreColour = (s) => (s > 0 ? "var(--coop)" : s < 0 ? "var(--conf)" : "#999");

// ---------- network ----------
function layout(nodes, edges, w, h) {
  // Fruchterman–Reingold from a deterministic circle (ordered by bloc), so the picture is stable:
  // cooperative dyads pull hard, hostile ones only a little, every pair repels.
  const pos = {};
  const n = nodes.length;
  const order = [...nodes].sort((a, b) => (a.bloc ?? 99) - (b.bloc ?? 99) || a.id.localeCompare(b.id));
  order.forEach((d, i) => { pos[d.id] = { x: w / 2 + (w / 3) * Math.cos((2 * Math.PI * i) / n), y: h / 2 + (h / 3) * Math.sin((2 * Math.PI * i) / n) }; });
  const k = Math.sqrt((w * h) / Math.max(n, 1)) * 0.55;
  for (let it = 0, t = w / 8; it < 300; it++, t *= 0.985) {
    const disp = {};
    for (const a of nodes) disp[a.id] = { x: 0, y: 0 };
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = pos[nodes[i].id], b = pos[nodes[j].id];
      let dx = a.x - b.x, dy = a.y - b.y; const d = Math.max(Math.hypot(dx, dy), 0.01);
      const f = (k * k) / d; dx /= d; dy /= d;
      disp[nodes[i].id].x += dx * f; disp[nodes[i].id].y += dy * f;
      disp[nodes[j].id].x -= dx * f; disp[nodes[j].id].y -= dy * f;
    }
    for (const e of edges) {
      const a = pos[e.source], b = pos[e.target];
      let dx = a.x - b.x, dy = a.y - b.y; const d = Math.max(Math.hypot(dx, dy), 0.01);
      const pull = (e.score > 0 ? 1.0 : 0.25) * Math.min(1 + Math.log1p(e.events) / 2, 2.5);
      const f = ((d * d) / k) * pull; dx /= d; dy /= d;
      disp[e.source].x -= dx * f; disp[e.source].y -= dy * f;
      disp[e.target].x += dx * f; disp[e.target].y += dy * f;
    }
    for (const a of nodes) {  // gentle gravity keeps disconnected groups from drifting to the borders
      disp[a.id].x += (w / 2 - pos[a.id].x) * 1.5; disp[a.id].y += (h / 2 - pos[a.id].y) * 1.5;
    }
    for (const a of nodes) {
      const p = pos[a.id], dv = disp[a.id], d = Math.max(Math.hypot(dv.x, dv.y), 0.01);
      p.x = Math.min(w - 60, Math.max(60, p.x + (dv.x / d) * Math.min(d, t)));
      p.y = Math.min(h - 30, Math.max(30, p.y + (dv.y / d) * Math.min(d, t)));
    }
  }
  // stretch the result to fill the drawing area (few nodes bunch up, disconnected groups spread out)
  const xs = Object.values(pos).map((p) => p.x), ys = Object.values(pos).map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const p of Object.values(pos)) {
    p.x = maxX > minX ? 70 + ((p.x - minX) / (maxX - minX)) * (w - 140) : w / 2;
    p.y = maxY > minY ? 45 + ((p.y - minY) / (maxY - minY)) * (h - 80) : h / 2;
  }
  return pos;
}

async function loadNetwork() {
  const window_ = $("#window").value;
  state.net = await api("/api/network", { window: window_, min_weight: $("#min-weight").value || 1 });
  state.positions = layout(state.net.nodes, state.net.edges, 640, 600);
  const slider = $("#time-slider");
  slider.max = state.net.periods.length;
  slider.value = Math.min(state.period, state.net.periods.length);
  drawNetwork();
  const names = Object.fromEntries(state.net.nodes.map((n) => [n.id, n.name]));
  $("#blocs").textContent = "Blocs: " + state.net.blocs.map((b, i) => `${i + 1}. ${b.map((m) => names[m] || m).join(", ")}`).join("   ");
  drawChanges();
  drawCentral();
}

function drawCentral() {
  const tbody = $("#central tbody");
  tbody.replaceChildren();
  for (const c of state.net.centrality.slice(0, 10)) {
    const tr = el("tr", { "data-id": c.actor });
    tr.append(el("td", {}, c.actor), el("td", {}, String(c.volume)), el("td", { class: c.score >= 0 ? "coop" : "conf" }, c.score.toFixed(1)),
      el("td", {}, String(c.partners)), el("td", {}, c.betweenness.toFixed(3)), el("td", {}, c.pagerank.toFixed(3)));
    tr.addEventListener("click", () => setFilter({ actor: c.actor }));
    tbody.append(tr);
  }
}

function currentEdges() {
  const i = Number($("#time-slider").value);
  if (i === 0) { $("#time-label").textContent = "all"; return state.net.edges; }
  const periods = state.net.periods;
  $("#time-label").textContent = ($("#cumulative").checked ? "… " : "") + periods[i - 1].period;
  if (!$("#cumulative").checked) return periods[i - 1].edges;
  const acc = {};
  for (const p of periods.slice(0, i)) for (const e of p.edges) {
    const key = e.source + "|" + e.target;
    const a = (acc[key] ||= { source: e.source, target: e.target, events: 0, coop: 0, conflict: 0, score: 0 });
    a.events += e.events; a.coop += e.coop; a.conflict += e.conflict; a.score += e.score;
  }
  return Object.values(acc);
}

function drawNetwork() {
  const svg = $("#network");
  svg.replaceChildren();
  const edges = currentEdges();
  const active = new Set(edges.flatMap((e) => [e.source, e.target]));
  const ge = el("g", { class: "edges" });
  for (const e of edges) {
    const a = state.positions[e.source], b = state.positions[e.target];
    if (!a || !b) continue;
    const sel = state.dyad && ((state.dyad[0] === e.source && state.dyad[1] === e.target) || (state.dyad[1] === e.source && state.dyad[0] === e.target));
    const line = el("line", { class: "edge" + (sel ? " selected" : ""), x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      stroke: scoreColour(e.score), "stroke-width": Math.min(1.5 + 2 * Math.sqrt(e.events), 14), "data-source": e.source, "data-target": e.target });
    line.append(el("title", {}, `${e.source}–${e.target}: ${e.events} events (${e.coop} cooperative, ${e.conflict} conflictual), score ${e.score.toFixed(1)}`));
    line.addEventListener("click", () => selectDyad(e.source, e.target, true));
    ge.append(line);
  }
  const gn = el("g", { class: "nodes" });
  for (const n of state.net.nodes) {
    const p = state.positions[n.id];
    const g = el("g", { class: "node" + (active.has(n.id) ? "" : " inactive"), "data-id": n.id, transform: `translate(${p.x},${p.y})` });
    g.append(el("circle", { r: 7 + 2.2 * Math.sqrt(n.volume), fill: BLOC_COLOURS[(n.bloc ?? 8) % BLOC_COLOURS.length] }));
    g.append(el("text", { x: 0, y: -12 - 2.2 * Math.sqrt(n.volume), "text-anchor": "middle" }, n.id));
    g.append(el("title", {}, `${n.name}${n.name_ar ? " — " + n.name_ar : ""}\n${n.volume} interactions, net score ${n.score}\nbetweenness ${n.betweenness}`));
    g.addEventListener("click", () => { setFilter({ actor: n.id }); showActor(n.id); });
    gn.append(g);
  }
  svg.append(ge, gn);
}

function drawChanges() {
  const ul = $("#changes");
  ul.replaceChildren();
  for (const c of state.net.changes.slice(0, 12)) {
    const li = el("li");
    const cls = c.change.includes("cooperative") || c.change === "warmed" ? "coop" : "conf";
    li.append(el("b", {}, `${c.a}–${c.b} `), el("span", { class: cls }, c.change), ` in ${c.period} (tone ${c.before.mean_score.toFixed(1)} → ${c.after.mean_score.toFixed(1)})`);
    li.style.cursor = "pointer";
    li.addEventListener("click", () => selectDyad(c.a, c.b, true));
    ul.append(li);
  }
  if (!state.net.changes.length) ul.append(el("li", { class: "muted" }, "no sign or strength changes"));
}

// ---------- actor card ----------
async function showActor(id) {
  const a = await api(`/api/actors/${encodeURIComponent(id)}`);
  $("#actor-name").textContent = `${a.id} — ${a.name}: ${a.events} events (${a.first || "?"} … ${a.last || "?"})`;
  $("#actor-aliases").textContent = a.aliases.slice(0, 12).join(" · ");
  const ul = $("#actor-relations");
  ul.replaceChildren();
  for (const r of a.relations.slice(0, 8)) {
    const li = el("li");
    li.append(el("b", {}, r.partner + " "), `${r.events} events, tone `, el("span", { class: r.mean_score >= 0 ? "coop" : "conf" }, r.mean_score.toFixed(1)));
    li.style.cursor = "pointer";
    li.addEventListener("click", () => selectDyad(a.id, r.partner, true));
    ul.append(li);
  }
  $("#actor-card").hidden = false;
}

// ---------- dyad timeline ----------
async function selectDyad(a, b, filterTable) {
  state.dyad = [a, b];
  $("#dyad-a").value = a; $("#dyad-b").value = b;
  if (state.net) drawNetwork();
  if (filterTable) setFilter({ actor: [a, b] });
  if (!a || !b || a === b) return;
  const d = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { window: $("#window").value });
  drawDyad(d);
}

function drawDyad(d) {
  const svg = $("#dyad-chart"), W = 520, H = 240, L = 34, T = 12, B = 36, mid = (H - B + T) / 2;
  svg.replaceChildren();
  const s = d.series;
  $("#dyad-summary").textContent = s.length ? `${d.a_name} ↔ ${d.b_name}: ${d.totals.events} events, ${d.totals.coop} cooperative, ${d.totals.conflict} conflictual, net score ${d.totals.score}` : `${d.a} ↔ ${d.b}: no events`;
  if (!s.length) return;
  const maxC = Math.max(1, ...s.map((p) => Math.max(p.coop, p.conflict)));
  const bw = (W - L - 8) / s.length, sy = (mid - T) / maxC;
  svg.append(el("line", { x1: L, x2: W, y1: mid, y2: mid, stroke: "#999" }));
  svg.append(el("text", { x: 2, y: T + 8 }, `+${maxC}`), el("text", { x: 2, y: H - B }, `−${maxC}`));
  const pts = [];
  s.forEach((p, i) => {
    const x = L + i * bw;
    if (p.coop) svg.append(el("rect", { class: "bar coop", x: x + 2, width: Math.max(bw - 4, 1), y: mid - p.coop * sy, height: p.coop * sy, fill: "var(--coop)" }, undefined));
    if (p.conflict) svg.append(el("rect", { class: "bar conf", x: x + 2, width: Math.max(bw - 4, 1), y: mid, height: p.conflict * sy, fill: "var(--conf)" }));
    if (p.mean_score !== null) pts.push(`${x + bw / 2},${mid - (p.mean_score / 10) * (mid - T)}`);
    if (s.length <= 16 || i % Math.ceil(s.length / 12) === 0) svg.append(el("text", { x: x + bw / 2, y: H - B + 14, "text-anchor": "middle" }, p.period));
  });
  if (pts.length > 1) svg.append(el("polyline", { points: pts.join(" "), fill: "none", stroke: "#333", "stroke-width": 1.5 }));
  svg.append(el("text", { x: L, y: H - 4 }, "bars: events (up = cooperation, down = conflict); line: mean tone (−10 … +10)"));
}

// ---------- map ----------
let outlines = null;
async function drawMap() {
  const svg = $("#map"), W = 520, H = 360;
  if (!outlines) outlines = await (await fetch("/static/geo/middle-east.geojson")).json();
  const ev = (await api("/api/events", { geo: true, limit: 500, ...state.filters })).items;
  let [x0, x1, y0, y1] = [33, 37, 29.5, 34];
  if (ev.length) {
    x0 = Math.min(...ev.map((e) => e.location.lon)); x1 = Math.max(...ev.map((e) => e.location.lon));
    y0 = Math.min(...ev.map((e) => e.location.lat)); y1 = Math.max(...ev.map((e) => e.location.lat));
  }
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, kx = Math.cos((cy * Math.PI) / 180);
  const span = Math.max((x1 - x0) * kx * 1.25, (y1 - y0) * 1.25 * (W / H), 3);
  const scale = W / span;
  const proj = ([lon, lat]) => [W / 2 + (lon - cx) * kx * scale, H / 2 - (lat - cy) * scale];
  svg.replaceChildren();
  for (const f of outlines.features) {
    const d = f.geometry.coordinates.map((poly) => poly.map((ring) => "M" + ring.map((c) => proj(c).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("")).join("");
    const p = el("path", { d });
    p.append(el("title", {}, f.properties.name));
    svg.append(p);
  }
  const seen = {};
  for (const e of ev) {
    const key = `${e.location.lat},${e.location.lon}`;
    const n = (seen[key] = (seen[key] || 0) + 1);
    const [x, y] = proj([e.location.lon, e.location.lat]);
    const a = n * 2.4, r = 4 + 2 * Math.sqrt(e.fatalities || 0);  // spiral out events at one place
    const c = el("circle", { cx: x + (n > 1 ? a * Math.cos(n) : 0), cy: y + (n > 1 ? a * Math.sin(n) : 0), r, fill: QUAD_COLOURS[e.quad] || "#888", "data-id": e.event_id });
    c.append(el("title", {}, `${e.day} ${e.event_type} — ${e.location.name}\n${e.sentence || ""}`));
    c.addEventListener("click", () => openEvidence(e.event_id));
    svg.append(c);
    if (n === 1) svg.append(el("text", { x: x + 6, y: y - 6 }, e.location.name));
  }
}

// ---------- event table ----------
function setFilter(f) {
  const form = $("#filters");
  for (const input of form.elements) if (input.name) input.value = "";
  for (const [k, v] of Object.entries(f)) if (form.elements[k] && !Array.isArray(v)) form.elements[k].value = v;
  state.filters = f;
  state.page.offset = 0;
  loadEvents(); drawMap();
}

async function loadEvents() {
  const data = await api("/api/events", { ...state.filters, limit: state.page.limit, offset: state.page.offset });
  state.page.total = data.total;
  const tbody = $("#event-table tbody");
  tbody.replaceChildren();
  const who = (xs) => { const td = el("td"); xs.forEach((a) => td.append(el("span", { class: "tag", title: a.text || "" }, a.root || `? ${a.text}`))); return td; };
  for (const e of data.items) {
    const tr = el("tr", { "data-id": e.event_id });
    tr.append(el("td", {}, e.date || e.day || ""), el("td", { class: "q" + e.quad, title: e.quad_name || "" }, e.event_type + (e.mode ? ` (${e.mode})` : "") + (e.status !== "occurred" ? ` [${e.status}]` : "")),
      who(e.actors), who(e.recipients), el("td", {}, e.location ? e.location.name || "" : ""),
      el("td", { class: "ar", dir: "rtl", lang: "ar" }, e.sentence || ""), el("td", { class: "small" }, e.source || ""));
    tr.addEventListener("click", () => openEvidence(e.event_id, tr));
    tbody.append(tr);
  }
  if (!data.items.length) { const tr = el("tr"); tr.append(el("td", { colspan: 7, class: "muted" }, "no events match")); tbody.append(tr); }
  const { offset, limit, total } = state.page;
  $("#page-info").textContent = total ? `${offset + 1}–${Math.min(offset + limit, total)} of ${total}` : "0 events";
  $("#prev").disabled = offset === 0; $("#next").disabled = offset + limit >= total;
}

async function openEvidence(id, row) {
  document.querySelectorAll("#event-table tr.active").forEach((r) => r.classList.remove("active"));
  if (row) row.classList.add("active");
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  const p = $("#evidence");
  p.replaceChildren();
  const s = e.evidence.sentence;
  let at = 0;
  for (const span of e.evidence.spans) {  // offsets are within the sentence, sorted, non-overlapping
    if (span.start > at) p.append(s.slice(at, span.start));
    p.append(el("mark", { class: span.kind, title: span.kind }, s.slice(span.start, span.end)));
    at = span.end;
  }
  p.append(s.slice(at));
  const meta = $("#evidence-meta");
  meta.replaceChildren();
  const names = (xs) => xs.map((a) => a.name ? `${a.root} (${a.name})` : a.root || `? ${a.text}`).join(", ") || "—";
  const line = (k, v) => { if (v || v === 0) { const div = el("div"); div.append(el("b", {}, k + ": "), el("bdi", {}, String(v))); meta.append(div); } };
  line("event", `${e.event_type}${e.mode ? " / " + e.mode : ""} · CAMEO ${e.cameo || "—"} · quad ${e.quad} · score ${e.goldstein}`);
  line("actors", names(e.actors)); line("recipients", names(e.recipients));
  line("date", e.date); line("status", e.status);
  line("place", e.location && `${e.location.name || ""} ${e.location.country || ""}`);
  if (e.fatalities !== null) line("fatalities", e.fatalities);
  line("source", e.source); line("published", e.published);
  line("title", e.title);
  $("#article").textContent = e.article ? e.article.text : "";
  $("#evidence-panel").hidden = false;
}

// ---------- start ----------
async function init() {
  const meta = await api("/api/meta");
  $("#meta").textContent = `${meta.events} events from ${meta.documents} articles, ${meta.first || "?"} … ${meta.last || "?"}`;
  const actors = (await api("/api/actors")).items;
  for (const sel of [$("#filters").elements.actor, $("#dyad-a"), $("#dyad-b")])
    for (const a of actors) sel.append(el("option", { value: a.id }, `${a.id} — ${a.name}`));
  for (const t of Object.keys(meta.types)) $("#filters").elements.type.append(el("option", { value: t }, t));

  $("#time-slider").addEventListener("input", drawNetwork);
  $("#cumulative").addEventListener("change", drawNetwork);
  $("#window").addEventListener("change", () => { state.period = 0; loadNetwork(); if (state.dyad) selectDyad(...state.dyad, false); });
  $("#min-weight").addEventListener("change", loadNetwork);
  $("#dyad-a").addEventListener("change", () => selectDyad($("#dyad-a").value, $("#dyad-b").value, false));
  $("#dyad-b").addEventListener("change", () => selectDyad($("#dyad-a").value, $("#dyad-b").value, false));
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = Object.fromEntries([...new FormData(ev.target)].filter(([, v]) => v !== ""));
    state.filters = f; state.page.offset = 0; loadEvents(); drawMap();
  });
  $("#filters").addEventListener("reset", (ev) => { ev.preventDefault(); setFilter({}); });
  $("#prev").addEventListener("click", () => { state.page.offset = Math.max(0, state.page.offset - state.page.limit); loadEvents(); });
  $("#next").addEventListener("click", () => { state.page.offset += state.page.limit; loadEvents(); });
  $("#close-evidence").addEventListener("click", () => { $("#evidence-panel").hidden = true; });

  await loadNetwork();
  await Promise.all([loadEvents(), drawMap()]);
  const first = state.net.changes[0] || state.net.edges[0];
  if (first) await selectDyad(first.a || first.source, first.b || first.target, false);
  document.body.dataset.ready = "1";  // for tests and screenshots
}
init().catch((err) => { $("#meta").textContent = "error: " + err.message; document.body.dataset.ready = "error"; });
