// Writes one answer into a scenario's YAML text, as a drafter would by hand: the field's line under the fact's entry
// (`- type: id`) is replaced, or added after the entry's first line. The service then reads and checks the whole text.
"use strict";

window.ScenarioText = (() => {
  const entry = /^(\s*)-\s+([A-Za-z][\w-]*)\s*:\s*(?:"([^"]*)"|'([^']*)'|([^\s#]+))\s*(?:#.*)?$/;
  const indentOf = (line) => line.length - line.trimStart().length;

  /** The value as a YAML scalar: plain when it is a simple word, number or instant, else double-quoted. */
  function scalar(value) {
    return /^[A-Za-z0-9_][A-Za-z0-9_.:+-]*$/.test(value) ? value : JSON.stringify(value);
  }

  /** The text with `field: value` set under the entry of the fact; null when the text has no block entry for it. */
  function setField(text, factId, field, value) {
    const lines = text.split("\n");
    const header = lines.findIndex((line) => {
      const m = entry.exec(line);
      return m !== null && (m[3] ?? m[4] ?? m[5]) === factId;
    });
    if (header < 0) return null;

    const column = lines[header].indexOf(entry.exec(lines[header])[2]);
    const written = " ".repeat(column) + field + ": " + scalar(value);
    const key = new RegExp("^\\s*" + field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "\\s*:");
    for (let i = header + 1; i < lines.length; i++) {
      const line = lines[i];
      if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
      if (indentOf(line) < column) break;
      if (indentOf(line) === column && key.test(line)) {
        let end = i + 1;
        while (end < lines.length && (lines[end].trim() === "" ? false : indentOf(lines[end]) > column)) end++;
        lines.splice(i, end - i, written);
        return lines.join("\n");
      }
    }

    lines.splice(header + 1, 0, written);
    return lines.join("\n");
  }

  return { setField };
})();
