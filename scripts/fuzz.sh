#!/usr/bin/env bash
# A long mutation-fuzzing campaign over every bundled sample (the test run holds a short one with a fixed seed).
# Usage: scripts/fuzz.sh [SECONDS] [SEED] [OUT-FOLDER]
#   SECONDS     how long to run (default 600)
#   SEED        the seed; printed, so that a run reproduces (default: from the clock)
#   OUT-FOLDER  where minimal reproducers are written (default fuzz-findings/)
# Each reproducer is named kind--sample--signature.yaml; copy it to tests/OrdinanceRules.Yaml.Tests/TestData/fuzz/
# and it becomes a regression test (FuzzCampaignTests.Reproducers_FoundByTheFuzzer_...).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
seed=${2:-$(date +%s)}
out=${3:-fuzz-findings}
echo "fuzz: ${seconds} s, seed ${seed}, reproducers in ${out}/"
ORDINANCE_FUZZ_SECONDS=$seconds ORDINANCE_FUZZ_SEED=$seed ORDINANCE_FUZZ_OUT=$(pwd)/$out \
  dotnet test tests/OrdinanceRules.Yaml.Tests --filter "FullyQualifiedName~FuzzCampaignTests.Campaign" \
  --logger "console;verbosity=detailed"
