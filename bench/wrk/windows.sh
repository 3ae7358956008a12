#!/bin/bash
# CreateVpcEndpoint driven by wrk (16 connections, one thread), window after window in one subnet of one VPC: for each
# window the creates per second, the endpoints made so far, and the server's CPU per create (from /proc/PID/stat).
#   bench/wrk/windows.sh URL PID [REGION] [WINDOWS] [SECONDS]
#   e.g. bench/wrk/windows.sh http://127.0.0.1:4580 "$(pgrep -nf 'localvpc(\.dll)? up')" us-east-1 6 3
# Needs wrk and curl. The server must allow many endpoints in one VPC (LocalVpc: --quota interface-endpoints-per-vpc=100000).
set -euo pipefail
url=$1 pid=$2 region=${3:-us-east-1} windows=${4:-6} seconds=${5:-3}
here=$(cd "$(dirname "$0")" && pwd)
tick=$(getconf CLK_TCK)
auth="Authorization: AWS4-HMAC-SHA256 Credential=123456789012/20260101/$region/ec2/aws4_request, SignedHeaders=host, Signature=00"
ec2() { curl -sf -H "$auth" -d "Version=2016-11-15&$1" "$url/" || { echo "no answer from $url to $1" >&2; exit 1; }; }
vpc=$(ec2 "Action=CreateVpc&CidrBlock=10.100.0.0/16" | grep -o '<vpcId>[^<]*' | head -1 | cut -d'>' -f2)
subnet=$(ec2 "Action=CreateSubnet&VpcId=$vpc&CidrBlock=10.100.0.0/16&AvailabilityZone=${region}a" | grep -o '<subnetId>[^<]*' | head -1 | cut -d'>' -f2)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
total=0
for window in $(seq "$windows"); do
  before=$(cpu)
  out=$(REGION=$region VPC=$vpc SUBNET=$subnet wrk -t1 -c16 -d"${seconds}s" --timeout 30s -s "$here/create-vpc-endpoints.lua" "$url/")
  after=$(cpu)
  creates=$(awk '/requests in/ {print $1}' <<<"$out")
  failed=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  if [ "${creates:-0}" -eq 0 ]; then echo "window $window: no answers from $url" >&2; exit 1; fi
  total=$((total + creates))
  echo "window $window: $((creates / seconds)) creates/s, ${failed:-0} failed, $total endpoints, server CPU $(( (after - before) * 1000000 / tick / creates )) µs a create"
done
