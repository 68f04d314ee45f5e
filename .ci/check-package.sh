#!/usr/bin/env bash
# Packs the core package from LicenseKit.nuspec and checks what it holds: the assembly, its XML docs, README and
# LICENSE, and a dependency list equal to the core project's package references at their central versions.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet pack src/LicenseKit -c Release -o "$out" --nologo -v quiet >/dev/null
nupkg=$(ls "$out"/LicenseKit.*.nupkg)
listing=$(unzip -Z1 "$nupkg")
for entry in lib/net10.0/LicenseKit.dll lib/net10.0/LicenseKit.xml README.md LICENSE; do
  grep -qx "$entry" <<<"$listing" || { echo "package check: $entry missing from $(basename "$nupkg")"; exit 1; }
done

# Dependencies declared in the packed nuspec, as "id version" lines.
declared=$(unzip -p "$nupkg" LicenseKit.nuspec | grep -o '<dependency id="[^"]*" version="[^"]*"' \
  | sed -E 's/<dependency id="([^"]*)" version="([^"]*)"/\1 \2/' | sort)
# The project's package references with their versions from Directory.Packages.props.
expected=$(grep -o 'PackageReference Include="[^"]*"' src/LicenseKit/LicenseKit.csproj | sed -E 's/.*Include="([^"]*)"/\1/' \
  | while read -r id; do
      version=$(grep -o "PackageVersion Include=\"$id\" Version=\"[^\"]*\"" Directory.Packages.props | sed -E 's/.*Version="([^"]*)"/\1/')
      echo "$id $version"
    done | sort)
if [ "$declared" != "$expected" ]; then
  echo "package check: nuspec dependencies differ from the project's package references"
  echo "nuspec:";  echo "$declared"
  echo "project:"; echo "$expected"
  exit 1
fi
echo "package check: $(basename "$nupkg") holds the assembly, XML docs, README, LICENSE and $(wc -l <<<"$expected") matching dependencies"
