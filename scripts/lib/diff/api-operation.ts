import type { Classification, DocPath } from './change.ts';
import { isRecord, listOf, recordOf, resolveRefs, type Record_ } from './refs.ts';
import { compareSchemas, type SchemaFinding } from './schema-compare.ts';

/** One side of an operation: its documents and where the path item and operation stand. */
export interface OperationAt {
  doc: unknown;
  /** The path template, for example `/v2/metrics/catalog/{name}`. */
  route: string;
  item: Record_;
  itemPath: DocPath;
  op: Record_;
  opPath: DocPath;
}

/** A finding of the API section before duplicates across operations are merged. */
export interface ApiFinding extends SchemaFinding {
  /** The operation and status whose schema led here, for example `GET /health 200`. */
  origin: string;
}

/** What every operation comparison needs to know. */
export interface OperationContext {
  /** `GET /v2/metrics/catalog`. */
  label: string;
  /** Schema names another section compares. */
  skipRef: (name: string) => boolean;
}

interface ParamAt {
  param: Record_;
  path: DocPath;
  location: string;
  name: string;
  required: boolean;
}

function finding(ctx: OperationContext, kind: string, subject: string, classification: Classification, detail: string, path: DocPath): ApiFinding {
  return { kind, subject, classification, detail, path, origin: ctx.label };
}

// Parameters match by location and name, except path parameters: clients fill the template by
// position, so renaming `{name}` to `{id}` changes nothing for them.
function paramKey(side: OperationAt, location: string, name: string): string {
  if (location === 'path') {
    const position = [...side.route.matchAll(/\{([^}]*)\}/g)].findIndex((match) => match[1] === name);
    return `path:#${position}`;
  }
  // Header names are case-insensitive (RFC 9110 §5.1).
  return `${location}:${location === 'header' ? name.toLowerCase() : name}`;
}

// Operation parameters override path-item ones with the same name and location (OpenAPI 3.1 §4.8.9).
function paramsOf(side: OperationAt): Map<string, ParamAt> {
  const params = new Map<string, ParamAt>();
  const collect = (list: unknown, at: DocPath): void => {
    listOf(list).forEach((raw, index) => {
      const { node } = resolveRefs(side.doc, raw, [...at, index]);
      if (!isRecord(node) || typeof node.name !== 'string' || typeof node.in !== 'string') return;
      params.set(paramKey(side, node.in, node.name), {
        param: node,
        path: [...at, index],
        location: node.in,
        name: node.name,
        required: node.in === 'path' || node.required === true,
      });
    });
  };
  collect(side.item.parameters, [...side.itemPath, 'parameters']);
  collect(side.op.parameters, [...side.opPath, 'parameters']);
  return params;
}

function diffParameters(ctx: OperationContext, base: OperationAt, head: OperationAt): ApiFinding[] {
  const before = paramsOf(base);
  const after = paramsOf(head);
  const findings: ApiFinding[] = [];
  for (const [key, old] of before) {
    const now = after.get(key);
    const subject = `${ctx.label} ${old.location}:${old.name}`;
    if (!now) {
      findings.push(finding(ctx, 'parameter_removed', subject, 'note', `${old.location} parameter "${old.name}" removed; clients that still send it lose its effect`, [...head.opPath, 'parameters']));
      continue;
    }
    if (!old.required && now.required) {
      findings.push(finding(ctx, 'parameter_made_required', subject, 'breaking', `${now.location} parameter "${now.name}" now required; existing clients may not send it`, now.path));
    } else if (old.required && !now.required) {
      findings.push(finding(ctx, 'parameter_made_optional', subject, 'compatible', `${now.location} parameter "${now.name}" now optional`, now.path));
    }
    const schemas = compareSchemas(
      base.doc,
      head.doc,
      { node: old.param.schema, path: [...old.path, 'schema'] },
      { node: now.param.schema, path: [...now.path, 'schema'] },
      subject,
      { direction: 'request', skipRef: ctx.skipRef },
    );
    findings.push(...schemas.map((schema) => ({ ...schema, origin: ctx.label })));
  }
  for (const [key, now] of after) {
    if (before.has(key)) continue;
    const subject = `${ctx.label} ${now.location}:${now.name}`;
    findings.push(
      now.required
        ? finding(ctx, 'parameter_added', subject, 'breaking', `new required ${now.location} parameter "${now.name}"; existing clients do not send it`, now.path)
        : finding(ctx, 'parameter_added', subject, 'compatible', `new optional ${now.location} parameter "${now.name}"`, now.path),
    );
  }
  return findings;
}

interface MediaPair {
  media: string;
  base: { node: unknown; path: DocPath };
  head: { node: unknown; path: DocPath };
}

// Compares the `content` maps of two bodies: media types removed and added, and the pairs to compare.
function diffContent(
  ctx: OperationContext,
  subject: string,
  base: { node: Record_; path: DocPath },
  head: { node: Record_; path: DocPath },
  removedClass: Classification,
): { findings: ApiFinding[]; pairs: MediaPair[] } {
  const before = recordOf(base.node.content);
  const after = recordOf(head.node.content);
  const findings: ApiFinding[] = [];
  const pairs: MediaPair[] = [];
  for (const media of Object.keys(before).sort()) {
    if (!(media in after)) {
      findings.push(finding(ctx, 'media_type_removed', subject, removedClass, `media type ${media} removed`, [...head.path, 'content']));
      continue;
    }
    pairs.push({
      media,
      base: { node: recordOf(before[media]).schema, path: [...base.path, 'content', media, 'schema'] },
      head: { node: recordOf(after[media]).schema, path: [...head.path, 'content', media, 'schema'] },
    });
  }
  for (const media of Object.keys(after).sort()) {
    if (!(media in before)) findings.push(finding(ctx, 'media_type_added', subject, 'compatible', `media type ${media} added`, [...head.path, 'content', media]));
  }
  return { findings, pairs };
}

function diffRequestBody(ctx: OperationContext, base: OperationAt, head: OperationAt): ApiFinding[] {
  const before = resolveRefs(base.doc, base.op.requestBody, [...base.opPath, 'requestBody']);
  const after = resolveRefs(head.doc, head.op.requestBody, [...head.opPath, 'requestBody']);
  const subject = `${ctx.label} body`;
  if (!isRecord(before.node) && !isRecord(after.node)) return [];
  if (!isRecord(before.node)) {
    const required = recordOf(after.node).required === true;
    return [
      finding(ctx, 'request_body_added', subject, required ? 'breaking' : 'compatible', required ? 'new required request body; existing clients do not send it' : 'new optional request body', after.path),
    ];
  }
  if (!isRecord(after.node)) {
    return [finding(ctx, 'request_body_removed', subject, 'note', 'request body removed; clients that still send it lose its effect', head.opPath)];
  }
  const findings: ApiFinding[] = [];
  if (before.node.required !== true && after.node.required === true) {
    findings.push(finding(ctx, 'request_body_made_required', subject, 'breaking', 'request body now required; existing clients may not send it', after.path));
  } else if (before.node.required === true && after.node.required !== true) {
    findings.push(finding(ctx, 'request_body_made_optional', subject, 'compatible', 'request body now optional', after.path));
  }
  // A server that stops accepting a media type answers 415 to clients still sending it.
  const content = diffContent(ctx, subject, { node: before.node, path: before.path }, { node: after.node, path: after.path }, 'breaking');
  findings.push(...content.findings);
  for (const pair of content.pairs) {
    const schemas = compareSchemas(base.doc, head.doc, pair.base, pair.head, `${subject} ${pair.media}`, { direction: 'request', skipRef: ctx.skipRef });
    findings.push(...schemas.map((schema) => ({ ...schema, origin: ctx.label })));
  }
  return findings;
}

// Success responses are what clients parse; error bodies are out of this gate's scope.
const SUCCESS = /^2(\d\d|XX)$/;

function diffResponses(ctx: OperationContext, base: OperationAt, head: OperationAt): ApiFinding[] {
  const before = recordOf(base.op.responses);
  const after = recordOf(head.op.responses);
  const findings: ApiFinding[] = [];
  const codes = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((code) => SUCCESS.test(code)).sort();
  for (const code of codes) {
    const subject = `${ctx.label} ${code}`;
    if (!(code in after)) {
      findings.push(finding(ctx, 'response_removed', subject, 'breaking', `${code} response removed`, [...head.opPath, 'responses']));
      continue;
    }
    if (!(code in before)) {
      findings.push(finding(ctx, 'response_added', subject, 'compatible', `${code} response added`, [...head.opPath, 'responses', code]));
      continue;
    }
    const old = resolveRefs(base.doc, before[code], [...base.opPath, 'responses', code]);
    const now = resolveRefs(head.doc, after[code], [...head.opPath, 'responses', code]);
    const content = diffContent(ctx, subject, { node: recordOf(old.node), path: old.path }, { node: recordOf(now.node), path: now.path }, 'breaking');
    findings.push(...content.findings);
    for (const pair of content.pairs) {
      const schemas = compareSchemas(base.doc, head.doc, pair.base, pair.head, subject, { direction: 'response', skipRef: ctx.skipRef });
      findings.push(...schemas.map((schema) => ({ ...schema, origin: subject })));
    }
  }
  return findings;
}

/**
 * Compares one operation present at both sides: its parameters and request body as a client
 * writes them, and its 2xx response bodies as a client reads them.
 */
export function diffOperation(ctx: OperationContext, base: OperationAt, head: OperationAt): ApiFinding[] {
  return [...diffParameters(ctx, base, head), ...diffRequestBody(ctx, base, head), ...diffResponses(ctx, base, head)];
}
