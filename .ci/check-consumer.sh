#!/usr/bin/env bash
# A new user's first step: a fresh `dotnet new webapi` host adds LicenseKit.AspNetCore from the packed packages and
# restores without a downgrade (NU1605) against the template's own Microsoft.AspNetCore.OpenApi, then builds with
# the package's endpoints mapped. Packages come from $1 when given (as .ci/run passes), else they are packed here.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/pack.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed=${1:-}
if [ -z "$feed" ]; then
  feed="$work/feed"
  pack_all "$PWD" "$feed"
fi
version=$(ls "$feed"/LicenseKit.AspNetCore.*.nupkg | sed -E 's/.*LicenseKit\.AspNetCore\.(.*)\.nupkg/\1/')

# Its own package folder, so no earlier build of the same version stands in for the one just packed.
export NUGET_PACKAGES="$work/packages"
host="$work/ConsumerHost"
dotnet new webapi -o "$host" --no-restore >/dev/null
template_openapi=$(grep -o 'Include="Microsoft.AspNetCore.OpenApi" Version="[^"]*"' "$host/ConsumerHost.csproj" | sed -E 's/.*Version="([^"]*)"/\1/')
cat >"$host/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="licensekit-packed" value="$feed" />
  </packageSources>
</configuration>
CONFIG
dotnet add "$host" package LicenseKit.AspNetCore --version "$version" >"$work/add.log" 2>&1 \
  || { cat "$work/add.log"; echo "consumer check: dotnet add package LicenseKit.AspNetCore failed"; exit 1; }

# The package's endpoints mapped into the template's Program.cs, then restore and build with warnings visible.
sed -i 's/^var app = builder.Build();/builder.Services.AddLicenseKit(o => o.BusinessId = "biz_consumer");\n&\napp.MapLicenseKitManagement("\/licenses");\napp.MapLicenseKitActivation("\/licenses");/' "$host/Program.cs"
grep -q MapLicenseKitManagement "$host/Program.cs" || { echo "consumer check: the template's Program.cs changed shape"; exit 1; }
dotnet build "$host" --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; echo "consumer check: the host does not build"; exit 1; }
if grep -q 'NU1605\|NU1608\|NU1107' "$work/build.log"; then
  grep 'NU1605\|NU1608\|NU1107' "$work/build.log" | sort -u
  echo "consumer check: restoring LicenseKit.AspNetCore into a template host downgrades or conflicts"
  exit 1
fi
echo "consumer check: dotnet new webapi (Microsoft.AspNetCore.OpenApi $template_openapi) + LicenseKit.AspNetCore $version restores without NU1605 and builds"

# Then the README's HTTP flow against the running host: create, activate, validate.
command -v curl >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl) >/dev/null || { echo "consumer check: curl missing"; exit 1; }
source .ci/free-port.sh
port=$(licensekit_free_port)
(cd "$host" && exec dotnet bin/Debug/net10.0/ConsumerHost.dll --urls "http://127.0.0.1:$port" >"$work/host.log" 2>&1) &
host_pid=$!
trap 'kill "$host_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done
post() { curl -s -o "$work/body" -w '%{http_code}' -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$port$1"; }
status=$(post /licenses '{"product_id":"prod_hyQQhhNzfEuvv","customer_id":"cust_3r2FgHXp9","activations_limit":3,"duration_hours":720}')
[ "$status" = 201 ] || { cat "$work/body" "$work/host.log"; echo "consumer check: create answered $status"; exit 1; }
key=$(sed -E 's/.*"key":"([^"]*)".*/\1/' "$work/body")
status=$(post /licenses/activate "{\"license_key\":\"$key\",\"name\":\"laptop\"}")
[ "$status" = 201 ] || [ "$status" = 200 ] || { cat "$work/body"; echo "consumer check: activate answered $status"; exit 1; }
status=$(post /licenses/validate "{\"license_key\":\"$key\"}")
grep -q '"valid":true' "$work/body" || { cat "$work/body"; echo "consumer check: validate answered $status"; exit 1; }
status=$(post /licenses/validate '{"\ud800":1}')
[ "$status" = 400 ] || { cat "$work/body"; echo "consumer check: a hostile body answered $status"; exit 1; }
echo "consumer check: the template host answers create 201, activate, validate valid, hostile body 400"
