#!/usr/bin/env bash
# Packs the solution into a local feed and uses the packages as a user outside the repository would:
# a new console project adds OrdinanceRules.Yaml from the feed and runs the README's embedding snippet,
# and `dotnet tool install` from the feed gives an `ordinance` command that runs in an empty folder.
# CI runs it (.ci/run); each step prints "PASS name" or "FAIL name", and the script exits 1 if any failed.
#
#   scripts/check-packages.sh [feed-folder]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed=${1:-$work/feed}
failures=0
step() { # step NAME COMMAND...: runs the command, prints its output only when it fails
  local name=$1; shift
  if "$@" > "$work/step.log" 2>&1; then echo "PASS $name"; else cat "$work/step.log"; echo "FAIL $name"; failures=$((failures + 1)); fi
}
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$repo/Directory.Build.props")
# The packages of this run, not ones cached from an earlier run of the same version.
export NUGET_PACKAGES=$work/packages
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="cache" value="$HOME/.nuget/packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

pack() {
  dotnet pack "$repo/OrdinanceRules.sln" -c Release -o "$feed" &&
    for id in OrdinanceRules OrdinanceRules.Yaml OrdinanceRules.Vocabularies OrdinanceRules.Testing OrdinanceRules.Hosting OrdinanceRules.Server OrdinanceRules.Cli; do
      test -f "$feed/$id.$version.nupkg" || { echo "missing $id.$version.nupkg"; return 1; }
    done
}

embed() { # a new console project runs the README's "Embed it" snippet against the packed OrdinanceRules.Yaml
  mkdir -p "$work/embed" && cd "$work/embed" || return 1
  cp "$work/nuget.config" . &&
  cat > Embed.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="OrdinanceRules.Yaml" Version="$version" />
  </ItemGroup>
</Project>
XML
  sed -n '/^## Embed it/,/^```$/p' "$repo/README.md" | sed '1,/^```csharp$/d; /^```$/d' > Program.cs &&
  cp "$repo/samples/ordinances/roeland-park-ks.yaml" . &&
  dotnet run > run.log 2>&1; local status=$?
  cat run.log
  [ "$status" -eq 0 ] && grep -q '^Violated: ' run.log
}

tool() { # the tool from the feed, installed into a folder of its own
  cd "$work" && dotnet tool install --tool-path "$work/tools" --configfile "$work/nuget.config" --add-source "$feed" OrdinanceRules.Cli --version "$version" &&
    "$work/tools/ordinance" --version
}

outside() { # the installed tool in an empty folder: the bundled samples copied out, validated and checked; a new city
  mkdir -p "$work/outside" && cd "$work/outside" || return 1
  local ordinance=$work/tools/ordinance
  "$ordinance" samples copy &&
    "$ordinance" validate samples/ordinances samples/tests &&
    { "$ordinance" check samples/ordinances/roeland-park-ks.yaml samples/scenarios/roeland-park/p2-detainer-hold-violated.yaml; [ $? -eq 1 ]; } &&
    "$ordinance" check samples/ordinances/roeland-park-ks.yaml - < samples/scenarios/roeland-park/p2-specific-threat-exception-applies.yaml &&
    "$ordinance" serve --help > /dev/null &&
    "$ordinance" init overland-park &&
    "$ordinance" validate overland-park &&
    "$ordinance" test overland-park/tests
}

step "dotnet pack writes every package" pack
step "a new console project runs the README's embedding snippet from the packages" embed
step "dotnet tool install gives a working ordinance command" tool
step "the installed ordinance copies, validates and checks the samples, and starts a city, outside the repository" outside
exit $((failures > 0))
