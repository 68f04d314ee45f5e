# Sourced by the .ci scripts. pack_all SOURCE_DIR OUT_DIR [msbuild args...] packs every project under SOURCE_DIR/src
# (Release, symbols included) into OUT_DIR with one build: a throwaway solution lists them, so a new package is
# picked up without editing any script.
pack_all() {
  local source=$1 out=$2; shift 2
  local list
  list=$(mktemp -d)
  dotnet new sln -n packages -o "$list" --format sln >/dev/null
  dotnet sln "$list/packages.sln" add "$source"/src/*/*.csproj >/dev/null
  dotnet pack "$list/packages.sln" -c Release -o "$out" --nologo -v quiet "$@" >"$list/pack.log" 2>&1 \
    || { cat "$list/pack.log"; rm -rf "$list"; return 1; }
  rm -rf "$list"
}
