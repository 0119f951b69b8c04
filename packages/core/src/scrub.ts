/**
 * Error messages made safe to show in logs, stats and metrics: whatever an SDK or an HTTP
 * library put in them, no credential, signature, token or signed URL comes out.
 */

/** Longest message kept, characters (a message is a hint, not a dump). */
const MAX_CHARS = 300;

const REPLACEMENTS: [RegExp, string][] = [
  // The query string of any URL (presigned URLs carry the signature and the credential there).
  [/\b(https?:\/\/[^\s?#'"]*)\?[^\s'"]*/gi, '$1?[redacted]'],
  // Authorization headers (AWS4-HMAC-SHA256 Credential=..., Signature=...; Bearer; Basic).
  [/\b(authorization|proxy-authorization)(["']?\s*[:=]\s*["']?)[^\n"']*/gi, '$1$2[redacted]'],
  [/\b(AWS4-HMAC-SHA256|Bearer|Basic)\s+[^\s"',;]+(?:\s*,\s*\w+=[^\s"',;]+)*/g, '$1 [redacted]'],
  // name=value pairs whose name says secret (X-Amz-Signature=, aws_secret_access_key=, sessionToken: ...).
  [/\b([\w-]*(?:signature|credential|secret|token|password|passwd|api[_-]?key|access[_-]?key)[\w-]*)(["']?\s*[:=]\s*["']?)[^\s"',;&}]+/gi, '$1$2[redacted]'],
  // AWS access key ids, and strings shaped like secret access keys (40 base64 characters).
  [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '[redacted]'],
  [/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted]'],
];

/** `message` without secrets, on one line, at most 300 characters. */
export function scrubSecrets(message: string): string {
  let out = message;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_CHARS ? `${out.slice(0, MAX_CHARS - 1)}…` : out;
}
