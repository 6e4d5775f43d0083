import { renderGithub } from './render-github.ts';
import { renderJson } from './render-json.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderText } from './render-text.ts';
import type { Report } from './report.ts';

/** The output formats of `catalog:diff`, the default first. */
export const FORMATS = ['text', 'markdown', 'json', 'github'] as const;

/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

const RENDERERS: Readonly<Record<Format, (report: Report) => string>> = {
  text: renderText,
  markdown: renderMarkdown,
  json: renderJson,
  github: renderGithub,
};

/** Renders a report in the given format. */
export function renderReport(format: Format, report: Report): string {
  return RENDERERS[format](report);
}
