#!/usr/bin/env bash
# Renders the HTML page of `ordinance compare` in headless Chromium and saves a screenshot, for a
# person to look at. CI does not run it (the always-on tests check the page's structure instead).
# Needs Debian's chromium package: apt-get update && apt-get install -y chromium
#
#   scripts/check-html-render.sh [out.png] [roeland-park|shared]
#
#   roeland-park (the default): Roeland Park and Lawrence over samples/scenarios/roeland-park.
#   shared: every bundled local ordinance (Roeland Park, Lawrence, Kansas City KS, the ACLU of
#           Kansas model, Chicago) over the shared scenarios, samples/scenarios/shared.
#
# ORDINANCE may name another way to run the command, such as a built ordinance.dll:
#   ORDINANCE="dotnet src/OrdinanceRules.Cli/bin/Debug/net10.0/ordinance.dll" scripts/check-html-render.sh
#
# Look for: the ordinance boxes (each with its readings, and "Extends:" for a city built on a model),
# the legend, the Status and Provision filters, coloured cells (red violated, purple undetermined,
# amber pending, teal exception applies, green complied, grey nothing applies, hatched grey not
# expressible), an orange bar and "≠ differs" on the rows where the ordinances disagree, each
# scenario's description under its name, and a ▸ before each cell's verdict; below the matrix, the
# text of every provision. Open the page itself in a browser, click a cell: its findings open, each
# with its reason, citation, the model section it came from, and a link to the provision's text.
# Pick a status or a provision in the filters: only the rows that have it stay. Nothing should be
# fetched: the page works with the network off.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-compare-render.png}
set_name=${2:-roeland-park}
ordinance=${ORDINANCE:-"dotnet run --project src/OrdinanceRules.Cli --"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case "$set_name" in
  roeland-park)
    $ordinance compare \
      samples/ordinances/roeland-park-ks.yaml samples/ordinances/lawrence-ks.yaml \
      --scenarios samples/scenarios/roeland-park --format html > "$work/compare.html" || [ $? -eq 1 ]
    ;;
  shared)
    $ordinance compare \
      samples/ordinances/roeland-park-ks.yaml samples/ordinances/lawrence-ks.yaml \
      samples/ordinances/kansas-city-ks.yaml samples/ordinances/aclu-kansas-model.yaml \
      samples/ordinances/chicago-il.yaml \
      --scenarios samples/scenarios/shared --format html > "$work/compare.html" || [ $? -eq 1 ]
    ;;
  *)
    echo "unknown set '$set_name': use roeland-park or shared" >&2
    exit 2
    ;;
esac

chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
  --window-size=1400,1000 --screenshot="$out" "file://$work/compare.html"
echo "wrote $out from $work/compare.html"
