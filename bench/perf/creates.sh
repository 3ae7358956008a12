#!/bin/bash
# A warm CreateVpcEndpoint taken apart: starts the server (the build given, with .NET's perf map), drives creates with wrk
# until the JIT has settled (three windows of 3 s), then records the server with perf for a 5-s window of creates and
# prints where its CPU went a create (bench/perf/where.py).
#   bench/perf/creates.sh [SERVER-DIR] [OUT]
#   e.g. dotnet build -c Release bench/LocalVpc.Bench && bench/perf/creates.sh bench/LocalVpc.Bench/bin/Release/net10.0
# Needs perf, wrk, curl and python3; port 4590 free.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../LocalVpc.Bench/bin/Release/net10.0}
out=${2:-$(mktemp -d)/creates.perf}
data=$(mktemp -d)
url=http://127.0.0.1:4590
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet "$bin/localvpc.dll" up --port 4590 --data "$data" \
  --quota interface-endpoints-per-vpc=100000 >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "$url/" && break; sleep 0.2; done
"$here/../wrk/windows.sh" "$url" "$pid" us-east-1 3 3 >/dev/null
auth="Authorization: AWS4-HMAC-SHA256 Credential=123456789012/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00"
ec2() { curl -sf -H "$auth" -d "Version=2016-11-15&$1" "$url/"; }
vpc=$(ec2 "Action=CreateVpc&CidrBlock=10.100.0.0/16" | grep -o '<vpcId>[^<]*' | head -1 | cut -d'>' -f2)
subnet=$(ec2 "Action=CreateSubnet&VpcId=$vpc&CidrBlock=10.100.0.0/16&AvailabilityZone=us-east-1a" | grep -o '<subnetId>[^<]*' | head -1 | cut -d'>' -f2)
perf record -F 999 -g -p "$pid" -o "$out" -- sleep 5 >/dev/null 2>&1 &
recording=$!
creates=$(REGION=us-east-1 VPC=$vpc SUBNET=$subnet wrk -t1 -c16 -d5s --timeout 30s -s "$here/../wrk/create-vpc-endpoints.lua" "$url/" \
  | awk '/requests in/ {print $1}')
wait $recording
perf script -i "$out" -F comm,tid,ip,sym,dso 2>/dev/null >"$out.txt"
echo "$creates creates in 5 s; samples in $out.txt"
python3 "$here/where.py" "$out.txt" "$creates"
