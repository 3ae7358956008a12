// Presigned SigV4 GETs for a LocalVpc that verifies signatures (--auth sigv4): the key never leaves the page, only
// signatures do. The same canonical request the AWS SDKs build for a query-string signature (service ec2, host signed).
const encoder = new TextEncoder();
const emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const rfc3986 = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

async function hmac(key, text) {
  const imported = await crypto.subtle.importKey("raw", typeof key === "string" ? encoder.encode(key) : key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return crypto.subtle.sign("HMAC", imported, encoder.encode(text));
}

/** The path and query of <href>, presigned for <expires> seconds with the credentials. */
export async function signedUrl(href, { accessKeyId, secret }, region, expires = 3600) {
  const url = new URL(href);
  const amzDate = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/ec2/aws4_request`;
  url.searchParams.set("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
  url.searchParams.set("X-Amz-Credential", `${accessKeyId}/${scope}`);
  url.searchParams.set("X-Amz-Date", amzDate);
  url.searchParams.set("X-Amz-Expires", String(expires));
  url.searchParams.set("X-Amz-SignedHeaders", "host");
  const query = [...url.searchParams].map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`).join("&");
  const canonical = ["GET", url.pathname, query, `host:${url.host}`, "", "host", emptyHash].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, hex(await crypto.subtle.digest("SHA-256", encoder.encode(canonical)))].join("\n");
  let key = await hmac("AWS4" + secret, day);
  for (const part of [region, "ec2", "aws4_request"]) key = await hmac(key, part);
  url.searchParams.set("X-Amz-Signature", hex(await hmac(key, toSign)));
  return url.pathname + url.search;
}
