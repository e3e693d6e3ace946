#!/usr/bin/env bash
# Renders the HTML page of `ordinance compare` in headless Chromium and saves a screenshot, for a
# person to look at. CI does not run it (the always-on tests check the page's structure instead).
# Needs Debian's chromium package: apt-get update && apt-get install -y chromium
#
#   scripts/check-html-render.sh [out.png]
#
# Look for: the two ordinance boxes, the legend, coloured cells (red violated, purple undetermined,
# amber pending, teal exception applies, green complied, grey nothing applies), an orange bar and
# "≠ differs" on the rows where the ordinances disagree, and a ▸ before each cell's verdict. Open
# the page itself in a browser and click a cell: its findings open below, each with its reason and
# citation. Nothing should be fetched: the page works with the network off.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-compare-render.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet run --project src/OrdinanceRules.Cli -- compare \
  samples/ordinances/roeland-park-ks.yaml samples/ordinances/lawrence-ks.yaml \
  --scenarios samples/scenarios/roeland-park --format html > "$work/compare.html" || [ $? -eq 1 ]

chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
  --window-size=1200,900 --screenshot="$out" "file://$work/compare.html"
echo "wrote $out from $work/compare.html"
