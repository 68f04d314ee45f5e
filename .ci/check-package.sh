#!/usr/bin/env bash
# Packs every package under src/ (or takes the packages already packed into the folder given as $1) and checks that
# each one a user downloads can be trusted and debugged: its own README (the one beside its project), its assembly
# and XML docs, an MIT license expression, the repository URL and commit, and a .snupkg whose PDB carries SourceLink
# to the repository. The core package, packed from LicenseKit.nuspec, must also declare exactly the project's package
# references at their central versions.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/pack.sh

out=${1:-}
if [ -z "$out" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  pack_all "$PWD" "$out"
fi

fail() { echo "package check: $*"; exit 1; }
projects=$(ls src/*/*.csproj)
[ -n "$projects" ] || fail "no project under src/"
for project in $projects; do
  dir=$(dirname "$project")
  id=$(basename "$project" .csproj)
  nupkg=$(ls "$out/$id".[0-9]*.nupkg 2>/dev/null) || fail "$id was not packed"
  snupkg=${nupkg%.nupkg}.snupkg
  listing=$(unzip -Z1 "$nupkg")
  for entry in "lib/net10.0/$id.dll" "lib/net10.0/$id.xml" README.md; do
    grep -qx "$entry" <<<"$listing" || fail "$entry missing from $(basename "$nupkg")"
  done
  [ -f "$dir/README.md" ] || fail "$dir has no README.md of its own"
  cmp -s <(unzip -p "$nupkg" README.md) "$dir/README.md" || fail "$id ships a README other than $dir/README.md"

  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id declares no MIT license expression"
  grep -Eq '<repository type="git" url="https://github.com/[^"]+"[^>]* commit="[0-9a-f]{40}"' <<<"$nuspec" \
    || fail "$id does not name its repository URL and commit"
  for element in copyright tags projectUrl readme; do
    grep -q "<$element>" <<<"$nuspec" || fail "$id has no <$element>"
  done

  [ -f "$snupkg" ] || fail "$id has no symbol package"
  grep -qx "lib/net10.0/$id.pdb" <<<"$(unzip -Z1 "$snupkg")" || fail "$(basename "$snupkg") holds no $id.pdb"
  pdb="$out/$id.pdb.check"
  unzip -p "$snupkg" "lib/net10.0/$id.pdb" >"$pdb"
  # The SourceLink map is stored in the PDB as UTF-8 JSON.
  grep -aq 'https://raw.githubusercontent.com/' "$pdb" || fail "$id.pdb has no SourceLink to the repository"
  if [ "${CI:-}" = "true" ]; then
    ! grep -aqF "$PWD/" "$pdb" || fail "$id.pdb holds build paths (expected /_/ in CI)"
  fi
  rm -f "$pdb"
done

# The core's dependencies, declared by hand in the nuspec, against the project's package references.
core=$(ls "$out"/LicenseKit.[0-9]*.nupkg)
declared=$(unzip -p "$core" LicenseKit.nuspec | grep -o '<dependency id="[^"]*" version="[^"]*"' \
  | sed -E 's/<dependency id="([^"]*)" version="([^"]*)"/\1 \2/' | sort)
expected=$(grep -o 'PackageReference Include="[^"]*"' src/LicenseKit/LicenseKit.csproj | sed -E 's/.*Include="([^"]*)"/\1/' \
  | while read -r id; do
      version=$(grep -o "PackageVersion Include=\"$id\" Version=\"[^\"]*\"" Directory.Packages.props | sed -E 's/.*Version="([^"]*)"/\1/')
      echo "$id $version"
    done | sort)
if [ "$declared" != "$expected" ]; then
  echo "package check: LicenseKit.nuspec dependencies differ from the project's package references"
  echo "nuspec:";  echo "$declared"
  echo "project:"; echo "$expected"
  exit 1
fi
echo "package check: $(wc -w <<<"$projects") packages, each with its own README, XML docs, MIT expression, repository commit and SourceLinked symbols"
