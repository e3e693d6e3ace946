// The drafter's workbench (docs/workbench.md): a page over the decision service's own endpoints, on the same origin.
// It decides nothing itself: every finding, reason, explanation and question comes from the service.
"use strict";

(() => {
  const statusLabels = {
    "violated": "Violated",
    "complied": "Complied",
    "exception-applies": "Exception applies",
    "not-applicable": "Not applicable",
    "pending": "Pending",
    "undetermined": "Undetermined",
  };
  const nodeLabels = { held: "holds", failed: "does not hold", unknown: "unknown" };

  const $ = (id) => document.getElementById(id);
  const ui = {
    form: $("check-form"), ordinance: $("ordinance"), ordinanceInfo: $("ordinance-info"),
    readingsNone: $("readings-none"), readingsList: $("readings-list"), asOf: $("as-of"),
    scenario: $("scenario"), position: $("scenario-position"), upload: $("upload"),
    downloadScenario: $("download-scenario"), downloadReport: $("download-report"),
    problems: $("problems"), problemsHeading: $("problems-heading"), problemsList: $("problems-list"),
    status: $("status"), changes: $("changes"), changesSummary: $("changes-summary"), changesList: $("changes-list"),
    findings: $("findings"), interviewStatus: $("interview-status"), questions: $("questions"),
  };

  /** What the page holds between checks: the catalogue, the last report, its explanations, the questions declined. */
  const state = { ordinances: [], last: null, explanations: null, declined: [], run: 0 };

  /** Builds an element; children are nodes or text (always as text, never as markup). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const selected = () => state.ordinances.find((o) => o.id === ui.ordinance.value);
  const factsText = (facts) => facts.length === 0 ? "" : "(" + facts.map((f) => `${f.variable}=${f.id}`).join(", ") + ")";
  const findingKey = (provision, factIds) => provision + " " + factIds.join(",");
  const keyOf = (finding) => findingKey(finding.provision, finding.facts.map((f) => f.id));
  const label = (status) => statusLabels[status] || status;
  const badge = (status) => el("span", { class: `badge status-${status}`, text: label(status) });

  function readings() {
    return [...ui.readingsList.querySelectorAll("select")].map((s) => ({ name: s.dataset.reading, alternative: s.value }));
  }

  function query(extra) {
    const parameters = new URLSearchParams({ ordinance: ui.ordinance.value });
    if (ui.asOf.value.trim() !== "") parameters.append("asOf", ui.asOf.value.trim());
    for (const r of readings()) parameters.append("reading", `${r.name}=${r.alternative}`);
    for (const [name, value] of extra || []) parameters.append(name, value);
    return parameters.toString();
  }

  function contentType(text) {
    return /^\s*[{[]/.test(text) ? "application/json" : "application/yaml";
  }

  /** POSTs the scenario to one of the service's endpoints; the answer's document, or its problem details. */
  async function post(path, extra) {
    const text = ui.scenario.value;
    const response = await fetch(`${path}?${query(extra)}`, { method: "POST", headers: { "Content-Type": contentType(text) }, body: text });
    const body = await response.text();
    let document = null;
    try { document = JSON.parse(body); } catch { document = null; }
    return { ok: response.ok, status: response.status, text: body, document };
  }

  // ---- The catalogue and its readings ----

  async function loadCatalog() {
    const response = await fetch("/v1/ordinances");
    const catalog = await response.json();
    state.ordinances = catalog.ordinances;
    ui.ordinance.replaceChildren(...catalog.ordinances.map((o) => el("option", { value: o.id, text: `${o.citation} (${o.id})` })));
    const wanted = new URLSearchParams(location.search).get("ordinance");
    if (wanted && catalog.ordinances.some((o) => o.id === wanted)) ui.ordinance.value = wanted;
    showOrdinance();
    ui.status.textContent = catalog.ordinances.length === 0
      ? "This service serves no ordinance: add a file to its folder."
      : `${catalog.ordinances.length} ordinances served. Write or open a scenario, then Check.`;
  }

  function showOrdinance() {
    const ordinance = selected();
    state.last = null;
    state.declined = [];
    ui.readingsList.replaceChildren();
    if (!ordinance) return;
    ui.ordinanceInfo.textContent = `${ordinance.title}${ordinance.stale ? " (a bad edit keeps this last good version)" : ""}. Content hash ${ordinance.contentHash}.`;
    ui.readingsNone.hidden = ordinance.readings.length > 0;
    for (const reading of ordinance.readings) {
      const id = `reading-${reading.name}`;
      const select = el("select", { id, "data-reading": reading.name, "aria-describedby": `${id}-choice`, onchange: () => readingChanged(reading.name) },
        reading.alternatives.map((a) => el("option", { value: a.name, text: a.name + (a.name === reading.default ? " (default)" : "") })));
      select.value = reading.default;
      const choice = el("p", { id: `${id}-choice`, class: "hint" });
      const describe = () => { choice.textContent = reading.alternatives.find((a) => a.name === select.value)?.description || ""; };
      select.addEventListener("change", describe);
      describe();
      ui.readingsList.append(el("div", { class: "reading" }, el("label", { for: id, text: `${reading.name}: ${reading.question}` }), select, choice));
    }
  }

  function readingChanged(name) {
    if (state.last) check(`switching ${name} to ${readings().find((r) => r.name === name).alternative}`);
  }

  // ---- Checking ----

  async function check(why) {
    const run = ++state.run;
    ui.status.textContent = "Checking…";
    const previous = state.last;
    let result;
    try {
      result = await post("/v1/check");
    } catch (error) {
      ui.status.textContent = `The service did not answer: ${error.message}`;
      return;
    }

    if (run !== state.run) return;
    if (!result.ok) {
      showProblems(result);
      return;
    }

    hideProblems();
    const report = result.document.reports[0];
    state.last = { ordinance: ui.ordinance.value, report, text: result.text, statuses: new Map(report.findings.map((f) => [keyOf(f), f.status])) };
    state.explanations = null;
    ui.downloadReport.disabled = false;
    renderFindings(report, previous && previous.ordinance === ui.ordinance.value ? previous.statuses : null, why);
    await interview(run);
  }

  function summary(findings) {
    const counts = new Map();
    for (const f of findings) counts.set(f.status, (counts.get(f.status) || 0) + 1);
    return `${findings.length} findings: ` + [...counts].map(([status, n]) => `${n} ${label(status).toLowerCase()}`).join(", ") + ".";
  }

  function renderFindings(report, before, why) {
    ui.status.textContent = `${report.scenario}, as of ${report.asOf}. ${summary(report.findings)}`;
    const changed = [];
    const groups = new Map();
    for (const finding of report.findings) {
      if (!groups.has(finding.provision)) groups.set(finding.provision, []);
      groups.get(finding.provision).push(finding);
    }

    ui.findings.replaceChildren();
    for (const [provision, findings] of groups) {
      const first = findings[0];
      const heading = el("h3", { id: `provision-${provision}` }, `${provision} ${first.title} `, el("span", { class: "citation", text: first.citation }));
      const list = findings.map((finding) => {
        const was = before ? before.get(keyOf(finding)) : undefined;
        if (was !== undefined && was !== finding.status) changed.push({ finding, was });
        return renderFinding(finding, was !== undefined && was !== finding.status ? was : null);
      });
      ui.findings.append(el("section", { class: "provision", "aria-labelledby": `provision-${provision}` }, heading, list));
    }

    if (!before || !why) {
      ui.changes.hidden = true;
      return;
    }

    ui.changes.hidden = false;
    ui.changesSummary.textContent = changed.length === 0
      ? `After ${why}, no finding changed.`
      : `After ${why}, ${changed.length} finding${changed.length === 1 ? "" : "s"} changed:`;
    ui.changesList.replaceChildren(...changed.map(({ finding, was }) =>
      el("li", {}, `${finding.provision} ${factsText(finding.facts)}: `, badge(was), "→ ", badge(finding.status))));
  }

  function renderFinding(finding, was) {
    const body = el("div", {}, el("dl", {},
      el("dt", { text: "Why" }), el("dd", { text: finding.reason }),
      el("dt", { text: "Citation" }), el("dd", { text: `${finding.citation} (${finding.modality}): ${finding.title}` }),
      finding.exceptions.length === 0 ? null : [el("dt", { text: "Exceptions" }), el("dd", {}, el("ul", {}, finding.exceptions.map((e) => el("li", { text: exceptionText(e) }))))],
      finding.unknowns.length === 0 ? null : [el("dt", { text: "Depends on" }), el("dd", {}, el("ul", {}, finding.unknowns.map((u) => el("li", { text: u }))))],
      finding.text ? [el("dt", { text: "Provision text" }), el("dd", {}, el("blockquote", { class: "text", text: finding.text }))] : null,
      el("dt", { text: "Explanation" }), el("dd", { class: "explanation" }, el("p", { class: "hint", text: "Loading the explanation…" }))));
    const details = el("details", { class: `finding status-${finding.status}`, "data-key": keyOf(finding) },
      el("summary", {}, badge(finding.status), el("span", { class: "facts", text: `${finding.provision} ${factsText(finding.facts)}` }),
        was ? el("span", { class: "was", text: `(was ${label(was)})` }) : null,
        el("span", { class: "reason", text: finding.reason })),
      body);
    details.addEventListener("toggle", () => { if (details.open) explain(details); });
    return details;
  }

  function exceptionText(exception) {
    const through = exception.facts.length === 0 ? "" : " through " + exception.facts.map((f) => `${f.type} ${f.id}`).join(", ");
    return `${exception.id} (${exception.section}, ${exception.title}) applies${through}`;
  }

  // ---- Explanations, fetched once per check when a finding is first opened ----

  async function explain(details) {
    const target = details.querySelector(".explanation");
    if (target.dataset.loaded) return;
    const run = state.run;
    if (!state.explanations) {
      state.explanations = post("/v1/explain").then((r) => {
        if (!r.ok) throw new Error(r.document?.detail || `the service answered ${r.status}`);
        return new Map(r.document.explanations.map((e) => [keyOf(e.finding), e.tree]));
      });
    }

    try {
      const trees = await state.explanations;
      if (run !== state.run) return;
      const tree = trees.get(details.dataset.key);
      target.replaceChildren(tree ? el("ul", { class: "tree" }, renderNode(tree)) : el("p", { class: "hint", text: "No explanation was given for this finding." }));
      target.dataset.loaded = "yes";
    } catch (error) {
      target.replaceChildren(el("p", { class: "hint", text: `The explanation could not be loaded: ${error.message}` }));
    }
  }

  function renderNode(node) {
    const mark = nodeLabels[node.status];
    return el("li", {}, mark ? el("span", { class: `node-label node-${node.status}`, text: mark }) : null, node.text,
      node.children.length === 0 ? null : el("ul", {}, node.children.map(renderNode)));
  }

  // ---- The interview: the questions still worth asking, answered in place ----

  async function interview(run) {
    const result = await post("/v1/interview", state.declined.map((d) => ["answer", `${d}=unknown`]));
    if (run !== state.run) return;
    if (!result.ok) {
      ui.interviewStatus.textContent = `The questions could not be listed: ${result.document?.detail || result.status}`;
      ui.questions.replaceChildren();
      return;
    }

    const doc = result.document;
    ui.interviewStatus.textContent = {
      open: `${doc.questions.length} question${doc.questions.length === 1 ? "" : "s"} could still settle an undetermined finding, the most useful first. An answer is written into the scenario, which is checked again.`,
      determined: "Every finding is determined: nothing is left to ask.",
      exhausted: "Some findings are still undetermined, but nothing left to ask can change them.",
    }[doc.status] || doc.status;
    ui.questions.replaceChildren(...doc.questions.map(renderQuestion));
  }

  function renderQuestion(question, index) {
    const id = `answer-${index}`;
    const name = `${question.fact}.${question.field}`;
    let input;
    if (question.choices.length > 0) {
      input = el("select", { id }, question.choices.map((c) => el("option", { value: c.value, text: c.value })), el("option", { value: "unknown", text: "unknown (not known)" }));
    } else {
      input = el("input", { id, type: question.sensitive ? "password" : "text", autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-kind` });
    }

    const settles = `Could settle ${question.settles} of ${question.findings.length}: ` + question.findings.map((f) => `${f.provision} (${f.facts.join(", ")})`).join("; ");
    const form = el("form", { class: "question-form", "data-question": name, onsubmit: (event) => { event.preventDefault(); answer(question, input.value); } },
      el("div", { class: "field" }, el("label", { for: id, text: `Answer for ${question.unknown}` }), input,
        el("p", { id: `${id}-kind`, class: "hint", text: `${question.kind}${question.sensitive ? "; sensitive, hidden as typed" : ""}` })),
      el("button", { type: "submit", text: "Answer" }));
    return el("li", {}, el("p", { text: question.text }), el("p", { class: "hint", text: settles }), form);
  }

  function answer(question, value) {
    const name = `${question.fact}.${question.field}`;
    if (value.trim() === "") {
      ui.interviewStatus.textContent = `Give an answer for ${question.unknown}, or choose unknown.`;
      return;
    }

    if (value === "unknown") {
      // Not known: the question is set aside, as the interview's own answer "unknown" does; the scenario keeps it open.
      state.declined.push(name);
      interview(state.run);
      return;
    }

    const edited = ScenarioText.setField(ui.scenario.value, question.fact, question.field, value);
    if (edited === null) {
      ui.interviewStatus.textContent = `The answer could not be written into the scenario: write ${question.field}: ${value} under fact ${question.fact} yourself.`;
      return;
    }

    ui.scenario.value = edited;
    check(`answering ${name}=${question.sensitive ? "[sensitive]" : value}`);
  }

  // ---- Problems, located in the scenario ----

  function showProblems(result) {
    const problem = result.document;
    const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
    ui.problemsHeading.textContent = problem?.title || `The service answered ${result.status}`;
    ui.problemsList.replaceChildren(...(errors.length === 0 ? [el("li", { text: problem?.detail || result.text })] : errors.map((e) =>
      el("li", {}, e.line ? el("button", { type: "button", class: "link", onclick: () => goTo(e.line, e.column) }, `Line ${e.line}, column ${e.column}`) : null,
        e.line ? ": " : "", el("span", { class: "mono", text: `${e.code}` }), ` ${e.message}`))));
    ui.problems.hidden = false;
    ui.scenario.setAttribute("aria-invalid", "true");
    ui.scenario.setAttribute("aria-describedby", "scenario-position problems-list");
    ui.status.textContent = `Not checked: ${problem?.detail || "the request has problems"}`;
    ui.findings.replaceChildren();
    ui.changes.hidden = true;
    ui.questions.replaceChildren();
    ui.interviewStatus.textContent = "No questions until the scenario checks: mend its problems and check again.";
    ui.downloadReport.disabled = true;
    state.last = null;
  }

  function hideProblems() {
    ui.problems.hidden = true;
    ui.scenario.removeAttribute("aria-invalid");
    ui.scenario.setAttribute("aria-describedby", "scenario-position");
  }

  function goTo(line, column) {
    const lines = ui.scenario.value.split("\n");
    let offset = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
    offset += Math.max(0, (column || 1) - 1);
    ui.scenario.focus();
    ui.scenario.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(ui.scenario).lineHeight) || 18;
    ui.scenario.scrollTop = Math.max(0, (line - 3) * lineHeight);
    showPosition();
  }

  function showPosition() {
    const before = ui.scenario.value.slice(0, ui.scenario.selectionStart).split("\n");
    ui.position.textContent = `Line ${before.length}, column ${before[before.length - 1].length + 1}`;
  }

  // ---- Downloads ----

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- Wiring ----

  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.declined = [];
    check(state.last ? "editing the scenario" : null);
  });
  ui.ordinance.addEventListener("change", () => {
    showOrdinance();
    ui.findings.replaceChildren();
    ui.changes.hidden = true;
    ui.questions.replaceChildren();
    ui.downloadReport.disabled = true;
  });
  ui.upload.addEventListener("change", async () => {
    const file = ui.upload.files[0];
    if (!file) return;
    ui.scenario.value = await file.text();
    ui.status.textContent = `Opened ${file.name}. Check it when ready.`;
    showPosition();
  });
  for (const event of ["keyup", "click", "input", "focus"]) ui.scenario.addEventListener(event, showPosition);
  ui.downloadScenario.addEventListener("click", () => download("scenario.yaml", "application/yaml", ui.scenario.value));
  ui.downloadReport.addEventListener("click", () => { if (state.last) download("report.json", "application/json", state.last.text); });
  loadCatalog().catch((error) => { ui.status.textContent = `The ordinances could not be listed: ${error.message}`; });
})();
