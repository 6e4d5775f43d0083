import { catalogSchemaNames } from './catalog-shape.ts';
import type { Change, Contracts, DocPath } from './change.ts';
import { diffOperation, type ApiFinding } from './api-operation.ts';
import { gateApiVersion } from './api-version.ts';
import { isRecord, recordOf, resolveRefs, type Record_ } from './refs.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface RouteAt {
  path: string;
  item: Record_;
  itemPath: DocPath;
}

// `/a/{id}` and `/a/{name}` are the same route to a client: templates match with names erased.
function routeKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function routesOf(openapi: unknown): Map<string, RouteAt> {
  const routes = new Map<string, RouteAt>();
  for (const [path, raw] of Object.entries(recordOf(recordOf(openapi).paths))) {
    const { node, path: itemPath } = resolveRefs(openapi, raw, ['paths', path]);
    if (isRecord(node)) routes.set(routeKey(path), { path, item: node, itemPath });
  }
  return routes;
}

function change(kind: string, subject: string, classification: Change['classification'], detail: string, path: DocPath): Change {
  return { section: 'api', kind, subject, classification, detail, file: 'openapi.yaml', path };
}

// A shared schema (PromSuccess, ...) reached from many operations is one change, listing where from.
function mergeFindings(findings: readonly ApiFinding[]): Change[] {
  const merged = new Map<string, { finding: ApiFinding; origins: string[] }>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.kind, finding.subject, finding.classification, finding.detail, finding.path]);
    const seen = merged.get(key);
    if (seen) {
      if (!seen.origins.includes(finding.origin)) seen.origins.push(finding.origin);
    } else merged.set(key, { finding, origins: [finding.origin] });
  }
  return [...merged.values()].map(({ finding, origins }) => {
    const shown = origins.slice(0, 2).join(', ') + (origins.length > 2 ? ` and ${origins.length - 2} more` : '');
    const detail = finding.subject.startsWith(origins[0] ?? '') ? finding.detail : `${finding.detail} (in ${shown})`;
    return change(finding.kind, finding.subject, finding.classification, detail, finding.path);
  });
}

/**
 * The API section: openapi.yaml paths compared for existing clients. Removed routes and methods,
 * new required inputs, removed or retyped response properties and narrowed enums break; additions
 * pass, and a major bump of `info.version` turns the breaks into notes (gateApiVersion). The
 * catalog schemas are left to the catalog shape section, which has its own version gate.
 */
export function diffApi(base: Contracts, head: Contracts): Change[] {
  const before = routesOf(base.openapi);
  const after = routesOf(head.openapi);
  const catalogSchemas = new Set([...catalogSchemaNames(base.openapi), ...catalogSchemaNames(head.openapi)]);
  const skipRef = (name: string): boolean => catalogSchemas.has(name);
  const changes: Change[] = [];
  const findings: ApiFinding[] = [];
  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) {
      changes.push(change('route_removed', old.path, 'breaking', `route ${old.path} removed; its clients get 404`, ['paths']));
      continue;
    }
    for (const method of METHODS) {
      const label = `${method.toUpperCase()} ${now.path}`;
      const oldOp = old.item[method];
      const newOp = now.item[method];
      if (!isRecord(oldOp) && !isRecord(newOp)) continue;
      if (!isRecord(newOp)) {
        changes.push(change('method_removed', label, 'breaking', `${method.toUpperCase()} removed from ${now.path}; its clients get 405`, now.itemPath));
      } else if (!isRecord(oldOp)) {
        changes.push(change('method_added', label, 'compatible', `new operation ${String(newOp.operationId ?? label)}`, [...now.itemPath, method]));
      } else {
        findings.push(
          ...diffOperation(
            { label, skipRef },
            { doc: base.openapi, route: old.path, item: old.item, itemPath: old.itemPath, op: oldOp, opPath: [...old.itemPath, method] },
            { doc: head.openapi, route: now.path, item: now.item, itemPath: now.itemPath, op: newOp, opPath: [...now.itemPath, method] },
          ),
        );
      }
    }
  }
  for (const [key, now] of after) {
    if (!before.has(key)) changes.push(change('route_added', now.path, 'compatible', `new route ${now.path}`, now.itemPath));
  }
  return gateApiVersion(base, head, [...changes, ...mergeFindings(findings)]);
}
