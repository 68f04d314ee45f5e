#!/usr/bin/env bash
# Reproducible builds: the packages built from two copies of the same commit in different folders must hold
# byte-identical assemblies (ContinuousIntegrationBuild maps source paths to /_/, Deterministic fixes the rest).
# With a folder of packages already packed from this checkout as $1 (as .ci/run passes), one clone of HEAD elsewhere
# is compared with it; without, two clones are. Either way the copies sit at paths of different length.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/pack.sh
export CI=true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
commit=$(git rev-parse HEAD)

clone_and_pack() {   # clone_and_pack FOLDER: packs HEAD as cloned into FOLDER, into FOLDER.packages
  git clone -q --no-hardlinks "$PWD" "$1"
  git -C "$1" checkout -q "$commit"
  pack_all "$1" "$1.packages"
}

first=${1:-}
if [ -n "$first" ]; then
  git diff --quiet HEAD -- src Directory.Build.props Directory.Build.targets Directory.Packages.props LicenseKit.nuspec \
    || { echo "reproducible check: the checkout differs from HEAD; commit first (or run without arguments)"; exit 1; }
else
  clone_and_pack "$work/a"
  first="$work/a.packages"
fi
clone_and_pack "$work/second-copy-at-a-longer-path"
second="$work/second-copy-at-a-longer-path.packages"

# "package/entry sha256" for every assembly in every package of a folder.
assembly_hashes() {
  for nupkg in "$1"/*.nupkg; do
    for entry in $(unzip -Z1 "$nupkg" | grep '\.dll$'); do
      echo "$(basename "$nupkg")/$entry $(unzip -p "$nupkg" "$entry" | sha256sum | cut -d' ' -f1)"
    done
  done | sort
}
a=$(assembly_hashes "$first")
b=$(assembly_hashes "$second")
[ -n "$a" ] || { echo "reproducible check: no assemblies packed"; exit 1; }
if [ "$a" != "$b" ]; then
  echo "reproducible check: assemblies differ between the two copies"
  diff <(echo "$a") <(echo "$b") || true
  exit 1
fi
echo "reproducible check: $(wc -l <<<"$a") assemblies identical (sha256) across two copies of ${commit:0:12}"
