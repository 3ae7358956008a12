// LocalVpc's web console: the topology of an account's region, the analyser's path drawn on it, and both kept current by
// the server's change events. Everything it shows comes from this server's /_localvpc endpoints; it asks nothing else.
import { signedUrl } from "./sigv4.js";

const $ = (id) => document.getElementById(id);
const esc = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

// ?account=…&region=… opens the console on them (links to a view keep working).
const opened = new URLSearchParams(location.search);
const view = {
  status: null, account: opened.get("account"), region: opened.get("region"), credentials: null,
  collapsed: new Set(), selected: null, search: "", path: null, verdict: null, liveResult: null,
};

// ---- Talking to the server -------------------------------------------------------------------------------------

/** A GET to LocalVpc's own endpoints; signed (a presigned URL) when the server verifies signatures. */
async function get(path) {
  const url = view.credentials ? await signedUrl(location.origin + path, view.credentials, view.region ?? "us-east-1") : path;
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(body.error ?? `${response.status}`), { status: response.status });
  return body;
}

let asked = 0;

/** Takes the status again and redraws; the path too, since what it crosses may have changed (a live result is then old). */
async function refresh() {
  const mine = ++asked;
  let status;
  try {
    status = await get("/_localvpc/status");
  } catch (e) {
    if (e.status === 401 || e.status === 403) return askForCredentials(view.credentials ? e.message : "");
    $("footer").textContent = `LocalVpc did not answer: ${e.message}`;
    return;
  }
  // Changes come quickly one after another: only the newest answer is drawn.
  if (mine !== asked) return;
  view.status = status;
  $("credentials").hidden = true;
  render();
  if (view.path) {
    view.liveResult = null;
    await analyze(false);
  }
}

async function follow() {
  // The browser reconnects with the same address: signed for the longest a presigned URL may last (7 days).
  const url = view.credentials ? await signedUrl(location.origin + "/_localvpc/events", view.credentials, view.region ?? "us-east-1", 604800) : "/_localvpc/events";
  const events = new EventSource(url);
  const live = $("live");
  events.addEventListener("hello", () => { live.textContent = "live"; live.classList.add("on"); refresh(); });
  events.addEventListener("changed", () => refresh());
  events.onerror = () => { live.textContent = "reconnecting…"; live.classList.remove("on"); };
}

function askForCredentials(error) {
  $("credentials").hidden = false;
  $("credentials-error").textContent = error;
}

// ---- What the CLI says about a resource -------------------------------------------------------------------------

const describers = [
  ["vpce-svc-", "describe-vpc-endpoint-service-configurations --service-ids"], ["vpce-", "describe-vpc-endpoints --vpc-endpoint-ids"],
  ["vpc-", "describe-vpcs --vpc-ids"], ["subnet-", "describe-subnets --subnet-ids"], ["eni-", "describe-network-interfaces --network-interface-ids"],
  ["i-", "describe-instances --instance-ids"], ["sg-", "describe-security-groups --group-ids"], ["rtb-", "describe-route-tables --route-table-ids"],
  ["igw-", "describe-internet-gateways --internet-gateway-ids"], ["eigw-", "describe-egress-only-internet-gateways --egress-only-internet-gateway-ids"],
  ["nat-", "describe-nat-gateways --nat-gateway-ids"], ["vgw-", "describe-vpn-gateways --vpn-gateway-ids"],
  ["pcx-", "describe-vpc-peering-connections --vpc-peering-connection-ids"], ["acl-", "describe-network-acls --network-acl-ids"],
];

/** The aws CLI command that describes a resource, pointed at this LocalVpc. */
function describeCommand(id) {
  const base = `aws --endpoint-url ${location.origin} --region ${view.region}`;
  if (id.startsWith("arn:aws:elasticloadbalancing")) return `${base} elbv2 describe-load-balancers --load-balancer-arns ${id}`;
  const found = describers.find(([prefix]) => id.startsWith(prefix));
  return found ? `${base} ec2 ${found[1]} ${id}` : null;
}

// ---- Drawing -----------------------------------------------------------------------------------------------------

function regionView() {
  const account = view.status?.accounts.find((a) => a.account === view.account);
  return account?.regions.find((r) => r.region === view.region);
}

function keepInAddress() {
  const query = new URLSearchParams({ account: view.account ?? "", region: view.region ?? "" });
  history.replaceState(null, "", `?${query}`);
}

function renderPickers() {
  // An account or region asked for (in the address) stays chosen even before it has anything: it shows as it is made.
  const accounts = (view.status?.accounts ?? []).map((a) => a.account);
  view.account ??= accounts[0] ?? null;
  if (view.account && !accounts.includes(view.account)) accounts.push(view.account);
  $("account").innerHTML = accounts.map((a) => `<option ${a === view.account ? "selected" : ""}>${esc(a)}</option>`).join("");
  const regions = (view.status?.accounts.find((a) => a.account === view.account)?.regions ?? []).map((r) => r.region);
  view.region ??= regions[0] ?? "us-east-1";
  if (!regions.includes(view.region)) regions.push(view.region);
  $("region").innerHTML = regions.map((r) => `<option ${r === view.region ? "selected" : ""}>${esc(r)}</option>`).join("");
  if (view.account) keepInAddress();
}

function renderPathSources(region) {
  const from = $("path-from");
  const chosen = from.value;
  const instances = (region?.vpcs ?? []).flatMap((v) => v.instances.map((i) => ({ ...i, vpc: v.vpcId })));
  from.innerHTML = instances.map((i) => `<option value="${esc(i.instanceId)}">${esc(i.name ? `${i.name} (${i.instanceId})` : i.instanceId)} · ${esc(i.privateIpAddress ?? i.ipv6Address ?? "")}</option>`).join("");
  if (instances.some((i) => i.instanceId === chosen)) from.value = chosen;
}

const kindLabel = { "instance": "instance", "vpc-endpoint": "endpoint", "load-balancer": "load bal.", "nat-gateway": "NAT", "interface": "interface" };

function eniHtml(eni) {
  const owner = eni.owner ? ` <span class="id" data-owner="${esc(eni.owner)}">${esc(eni.owner.split("/").slice(-2).join("/"))}</span>` : "";
  const state = eni.state ? ` <span class="state-${esc(eni.state)}">${esc(eni.state)}</span>` : "";
  const groups = eni.groups.map((g) => `<span class="sg" data-id="${esc(g)}" title="security group ${esc(g)}">${esc(g)}</span>`).join("");
  const address = eni.privateIpAddress ?? (eni.ipv6Addresses ?? [])[0] ?? "";
  return `<li class="eni kind-${esc(eni.kind)}" data-id="${esc(eni.networkInterfaceId)}" data-search="${esc([eni.networkInterfaceId, eni.owner, address].join(" "))}">` +
    `<span class="kind">${esc(kindLabel[eni.kind] ?? eni.kind)}</span> <span class="id">${esc(eni.networkInterfaceId)}</span> ${esc(address)}${owner}${state}${groups}</li>`;
}

function subnetHtml(subnet, tables) {
  const table = tables.find((t) => t.subnets.includes(subnet.subnetId)) ?? tables.find((t) => t.main);
  return `<div class="subnet" data-id="${esc(subnet.subnetId)}" data-search="${esc([subnet.subnetId, subnet.name].join(" "))}">` +
    `<header><b>${esc(subnet.name ?? "")}</b> <span class="id">${esc(subnet.subnetId)}</span> ${esc(subnet.cidrBlock ?? "")} ${esc(subnet.ipv6CidrBlock ?? "")}` +
    (table ? ` · routes <span class="id chip" data-id="${esc(table.routeTableId)}">${esc(table.routeTableId)}</span>` : "") + `</header>` +
    `<ul class="enis">${subnet.networkInterfaces.map(eniHtml).join("")}</ul></div>`;
}

function vpcHtml(vpc) {
  const tables = vpc.routeTables ?? [];
  const zones = [...new Set(vpc.subnets.map((s) => s.availabilityZone))].sort();
  const gateways = (vpc.gateways ?? []).map((g) =>
    `<span class="chip gateway" data-id="${esc(g.gatewayId)}" data-search="${esc([g.gatewayId, g.name].join(" "))}">${esc(g.kind)} <span class="id">${esc(g.gatewayId)}</span>` +
    `${g.state && g.state !== "attached" ? ` <span class="state-${esc(g.state)}">${esc(g.state)}</span>` : ""}</span>`);
  const gatewayEndpoints = vpc.vpcEndpoints.filter((e) => e.type === "Gateway").map((e) =>
    `<span class="chip gateway" data-id="${esc(e.vpcEndpointId)}">gateway endpoint <span class="id">${esc(e.vpcEndpointId)}</span> ${esc(e.serviceName)} → ${(e.routeTableIds ?? []).map(esc).join(", ")}</span>`);
  const interfaceEndpoints = vpc.vpcEndpoints.filter((e) => e.type !== "Gateway").map((e) =>
    `<span class="chip" data-id="${esc(e.vpcEndpointId)}" data-search="${esc([e.vpcEndpointId, e.serviceName].join(" "))}">${esc(e.type.toLowerCase())} endpoint ` +
    `<span class="id">${esc(e.vpcEndpointId)}</span> ${esc(e.serviceName)} <span class="state-${esc(e.state)}">${esc(e.state)}</span></span>`);
  const routes = tables.map((t) =>
    `<table class="routes" data-id="${esc(t.routeTableId)}"><caption><span class="id">${esc(t.routeTableId)}</span>${t.main ? " (main)" : ""} ${esc(t.name ?? "")}` +
    `${t.subnets.length ? ` · ${t.subnets.map(esc).join(", ")}` : ""}</caption>` +
    t.routes.map((r) => `<tr><td>${esc(r.destination)}</td><td>→ <span class="id">${esc(r.target)}</span></td><td class="state-${esc(r.state)}">${esc(r.state)}</td></tr>`).join("") +
    `</table>`);
  return `<details class="vpc" data-id="${esc(vpc.vpcId)}" data-search="${esc([vpc.vpcId, vpc.name].join(" "))}" ${view.collapsed.has(vpc.vpcId) ? "" : "open"}>` +
    `<summary>${esc(vpc.name ?? (vpc.isDefault ? "default VPC" : "VPC"))} <span class="id">${esc(vpc.vpcId)}</span>` +
    `<span class="meta">${esc(vpc.cidrBlock)} ${esc(vpc.ipv6CidrBlock ?? "")} · ${vpc.subnets.length} subnets · ` +
    `${vpc.subnets.reduce((n, s) => n + s.networkInterfaces.length, 0)} interfaces</span></summary>` +
    `<div class="vpc-body"><div class="row">${gateways.concat(gatewayEndpoints, interfaceEndpoints).join("")}</div>` +
    `<div class="azs">${zones.map((z) => `<div class="az"><h3>${esc(z)}</h3>${vpc.subnets.filter((s) => s.availabilityZone === z).map((s) => subnetHtml(s, tables)).join("")}</div>`).join("")}</div>` +
    `<div class="row">${routes.join("")}</div></div></details>`;
}

function servicesHtml(region) {
  const services = region?.endpointServices ?? [];
  if (!services.length) return "";
  return `<section class="services"><h2>Endpoint services of ${esc(view.account)}</h2>` + services.map((s) =>
    `<div data-id="${esc(s.serviceId)}"><b>${esc(s.serviceName)}</b> <span class="id">${esc(s.serviceId)}</span>${s.acceptanceRequired ? " · acceptance required" : ""}` +
    `<ul>${(s.connections ?? []).map((c) => `<li class="connection" data-id="${esc(c.vpcEndpointId)}">${esc(c.vpcEndpointOwner)} · <span class="id">${esc(c.vpcEndpointId)}</span> ` +
      `<span class="state-${esc(c.state)}">${esc(c.state)}</span></li>`).join("") || "<li class=hint>no connections</li>"}</ul></div>`).join("") + `</section>`;
}

function render() {
  const started = performance.now();
  renderPickers();
  const region = regionView();
  $("topology").innerHTML = region ? servicesHtml(region) + region.vpcs.map(vpcHtml).join("")
    : `<p class="hint">Nothing here yet: create a VPC with the aws CLI, and it shows here as it is made.</p>`;
  renderPathSources(region);
  applySearch();
  markPath();
  if (view.selected) select(view.selected, false);
  const interfaces = (region?.vpcs ?? []).reduce((n, v) => n + v.subnets.reduce((m, s) => m + s.networkInterfaces.length, 0), 0);
  const ms = performance.now() - started;
  document.body.dataset.renderMs = ms.toFixed(1);
  $("footer").textContent = `${interfaces} interfaces drawn in ${ms.toFixed(0)} ms · API ${view.status?.api ?? ""}`;
}

// ---- Search, selection ---------------------------------------------------------------------------------------

function applySearch() {
  const query = view.search.trim().toLowerCase();
  document.querySelectorAll(".match").forEach((e) => e.classList.remove("match"));
  document.querySelectorAll("details.vpc").forEach((vpc) => vpc.classList.remove("hidden"));
  if (!query) return;
  const matches = [...document.querySelectorAll("[data-search]")].filter((e) => e.dataset.search.toLowerCase().includes(query));
  matches.forEach((e) => e.classList.add("match"));
  document.querySelectorAll("details.vpc").forEach((vpc) => {
    const hit = matches.some((m) => vpc.contains(m));
    vpc.classList.toggle("hidden", !hit);
    if (hit) vpc.open = true;
  });
  matches[0]?.scrollIntoView({ block: "center" });
}

function findSecurityGroup(id) {
  return (regionView()?.vpcs ?? []).flatMap((v) => v.securityGroups ?? []).find((g) => g.groupId === id);
}

function rulesHtml(title, rules) {
  const port = (r) => r.protocol === "-1" ? "all traffic" : r.fromPort === r.toPort ? `${r.protocol} ${r.fromPort}` : `${r.protocol} ${r.fromPort}-${r.toPort}`;
  return `<h3>${title}</h3>` + (rules.length ? `<ul>${rules.map((r) => `<li>${esc(port(r))} from/to <span class="id">${esc(r.peer)}</span>${r.description ? ` · ${esc(r.description)}` : ""}</li>`).join("")}</ul>` : `<p class="hint">none</p>`);
}

function select(id, scroll = true) {
  view.selected = id;
  document.querySelectorAll(".selected").forEach((e) => e.classList.remove("selected"));
  const element = document.querySelector(`[data-id="${CSS.escape(id)}"]`);
  element?.classList.add("selected");
  if (scroll) element?.scrollIntoView({ block: "nearest" });
  const command = describeCommand(id);
  const group = id.startsWith("sg-") ? findSecurityGroup(id) : null;
  $("details").innerHTML = `<h2>Details</h2><p><span class="id">${esc(id)}</span></p>` +
    (group ? `<p><b>${esc(group.groupName)}</b> · ${esc(group.description)}</p>${rulesHtml("Inbound", group.ingress)}${rulesHtml("Outbound", group.egress)}` : "") +
    (command ? `<code class="cli" data-cli>${esc(command)}</code>` : "");
}

// ---- Paths -----------------------------------------------------------------------------------------------------

async function analyze(live) {
  const path = view.path;
  const query = new URLSearchParams({ from: path.from, to: `${path.to}:${path.port}`, account: view.account, region: view.region });
  if (live) query.set("live", "true");
  try {
    const verdict = await get(`/_localvpc/probe?${query}`);
    view.verdict = verdict;
    if (live) view.liveResult = verdict.live;
  } catch (e) {
    view.verdict = { error: e.message };
  }
  renderVerdict();
  markPath();
}

function renderVerdict() {
  const v = view.verdict;
  if (!v) return ($("verdict").innerHTML = "");
  if (v.error) return ($("verdict").innerHTML = `<p class="error">${esc(v.error)}</p>`);
  const live = view.liveResult
    ? `<p id="live-result">Live: ${view.liveResult.carried ? "connected" : esc(view.liveResult.outcome)} · ${view.liveResult.agrees ? "agrees with the analysis" : "does NOT agree with the analysis"}</p>` : "";
  $("verdict").innerHTML =
    `<p class="verdict-head ${v.reachable ? "reachable" : "unreachable"}" id="verdict-head">${v.reachable ? "Reachable" : "Not reachable"}` +
    `${v.destinationAddress ? ` · ${esc(v.destinationAddress)}` : ""}${v.explanationCode ? ` · <code id="explanation">${esc(v.explanationCode)}</code>` : ""}</p>` +
    `<ol class="hops">${v.hops.map((h) => `<li class="${h.passed ? "pass" : "fail"}" data-ref="${esc(h.resourceId ?? "")}">${esc(h.component)} <span class="id">${esc(h.resourceId ?? "")}</span>` +
      `${h.detail ? ` — ${esc(h.detail)}` : ""}${h.explanationCode ? ` <code>${esc(h.explanationCode)}</code>` : ""}</li>`).join("")}</ol>` +
    (v.fix ? `<p>Smallest fix: ${esc(v.fix.replace(/\s*\(aws [^)]*\)/, ""))}</p>` : "") +
    (fixCommand(v.fix) ? `<pre class="fix" id="fix-command">${esc(fixCommand(v.fix))}</pre>` : "") + live;
}

/** The aws CLI command a fix names, pointed at this LocalVpc; null when it names none. */
function fixCommand(fix) {
  const command = /\((aws [^)]*)\)/.exec(fix ?? "")?.[1];
  return command ? command.replace(/^aws /, `aws --endpoint-url ${location.origin} --region ${view.region} `) : null;
}

/** Marks each hop's resources on the topology (a hop may name several groups): green where it passed, red where it stopped. */
function markPath() {
  document.querySelectorAll(".hop-pass, .hop-fail").forEach((e) => e.classList.remove("hop-pass", "hop-fail"));
  for (const hop of view.verdict?.hops ?? []) {
    for (const id of (hop.resourceId ?? "").split(",").filter(Boolean))
      document.querySelectorAll(`[data-id="${CSS.escape(id)}"]`).forEach((e) => e.classList.add(hop.passed ? "hop-pass" : "hop-fail"));
  }
}

// ---- Wiring ------------------------------------------------------------------------------------------------------

$("account").addEventListener("change", (e) => { view.account = e.target.value; view.verdict = null; view.path = null; render(); renderVerdict(); });
$("region").addEventListener("change", (e) => { view.region = e.target.value; view.verdict = null; view.path = null; render(); renderVerdict(); });
$("search").addEventListener("input", (e) => { view.search = e.target.value; applySearch(); });
$("topology").addEventListener("click", (e) => {
  const target = e.target.closest("[data-id]");
  if (target && !e.target.closest("summary")) select(target.dataset.id, false);
});
$("topology").addEventListener("toggle", (e) => {
  if (!e.target.matches?.("details.vpc")) return;
  if (e.target.open) view.collapsed.delete(e.target.dataset.id); else view.collapsed.add(e.target.dataset.id);
}, true);
$("path").addEventListener("submit", (e) => {
  e.preventDefault();
  view.path = { from: $("path-from").value, to: $("path-to").value.trim(), port: $("path-port").value };
  view.liveResult = null;
  analyze(false);
});
$("test-live").addEventListener("click", () => {
  if (!$("path").reportValidity()) return;
  view.path = { from: $("path-from").value, to: $("path-to").value.trim(), port: $("path-port").value };
  analyze(true);
});
$("credentials").addEventListener("submit", (e) => {
  e.preventDefault();
  view.credentials = { accessKeyId: $("access-key").value.trim(), secret: $("secret-key").value };
  sessionStorage.setItem("localvpc-credentials", JSON.stringify(view.credentials));
  refresh().then(follow);
});

const kept = sessionStorage.getItem("localvpc-credentials");
if (kept) view.credentials = JSON.parse(kept);
refresh().then(() => { if (!$("credentials").hidden) return; follow(); });
