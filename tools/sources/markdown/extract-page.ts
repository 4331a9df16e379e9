/**
 * One scraped OpenAI reference page → events, endpoints, params, enum values and objects.
 * Pure: text in, extract and diagnostics out; no file system.
 *
 * A `##` section is an endpoint when its first paragraph is `<method>https://…`, an object when
 * its title starts with "The " ("The response object"), an event when its title is a single
 * type token (`response.created`, `error`); any other `##` heading names the API section that
 * the endpoints below it belong to ("Responses", "Conversations").
 */
import type { Root } from 'mdast';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { formatAnchor } from '../../model/anchor.js';
import { endpointId, enumId, eventId, objectId, paramId } from '../../model/ids.js';
import type { Endpoint, Event, ObjectItem, Param, SourceInfo } from '../../model/schema.js';
import { checkMarkdownNesting } from '../limits.js';
import { sdkCallsIn, withSdkCalls } from '../sdk-calls.js';
import { emptyExtract, type SourceExtract } from '../source-extract.js';
import { lastLine, splitSections, toBlocks, type Block, type Section } from './blocks.js';
import { checkExampleKeys, isExampleLabel, parseExample } from './example.js';
import { parseFields, startsField, type ParsedField } from './fields.js';
import { parseMarkdown } from './parse.js';
import { extractLinkedSections } from './linked-sections.js';
import { getOwn } from '../../model/own.js';

const ENDPOINT_LINE = /^(get|post|put|patch|delete)(https?:\/\/[^/\s]+)(\/\S*)$/i;
const EVENT_TITLE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

interface Body {
  description: Block[];
  fields: ParsedField[];
  exampleLabel?: Block;
  exampleCode?: Block;
}

/** Description blocks, then fields, then an optional `OBJECT` example. */
function parseBody(blocks: readonly Block[], file: string, sourceId: string, bag: DiagnosticBag): Body {
  const labelAt = blocks.findIndex(isExampleLabel);
  const main = labelAt < 0 ? blocks : blocks.slice(0, labelAt);
  let firstField = main.findIndex((_, i) => startsField(main, i));
  if (firstField < 0) firstField = main.length;
  return {
    description: main.slice(0, firstField),
    fields: parseFields(main.slice(firstField), file, sourceId, bag),
    ...(labelAt >= 0 ? { exampleLabel: blocks[labelAt], exampleCode: blocks[labelAt + 1] } : {}),
  };
}

const prose = (blocks: readonly Block[]): string => blocks.map((b) => b.source).join('\n\n');

function extractEvent(section: Section, file: string, source: SourceInfo, bag: DiagnosticBag): Event {
  const type = section.heading.text;
  const body = parseBody(section.blocks, file, source.id, bag);
  if (!body.fields.length) {
    bag.error({
      code: 'event-without-fields',
      file,
      line: section.heading.line,
      column: section.heading.column,
      message: `Found event \`${type}\` with no fields, expected field blocks (name, type, description) after its heading`,
      hint: 'check that the section was scraped completely',
    });
  }
  const fields = body.fields.map((f) => f.field);
  const example = body.exampleLabel ? parseExample(body.exampleLabel, body.exampleCode, file, bag) : undefined;
  if (example && body.exampleCode) checkExampleKeys(example, fields, body.exampleCode, file, type, bag);
  return {
    id: eventId(type),
    kind: 'event',
    type,
    description: prose(body.description),
    anchors: [formatAnchor(file, section.heading.line, lastLine(section.heading, section.blocks))],
    sources: [source.id],
    category: 'other',
    fields,
    correlationKeys: [],
    ...(example ? { example } : {}),
    classNames: [],
  };
}

function extractObject(section: Section, file: string, source: SourceInfo, bag: DiagnosticBag): ObjectItem {
  const title = section.heading.text;
  const name = title
    .replace(/^The\s+/, '')
    .replace(/\s+object$/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
  const body = parseBody(section.blocks, file, source.id, bag);
  const fields = body.fields.map((f) => f.field);
  const example = body.exampleLabel ? parseExample(body.exampleLabel, body.exampleCode, file, bag) : undefined;
  if (example && body.exampleCode) checkExampleKeys(example, fields, body.exampleCode, file, title, bag);
  return {
    id: objectId(name),
    kind: 'object',
    name,
    title,
    description: prose(body.description),
    anchors: [formatAnchor(file, section.heading.line, lastLine(section.heading, section.blocks))],
    sources: [source.id],
    fields,
    ...(example ? { example } : {}),
    classNames: [],
  };
}

const PARAM_SECTIONS: Record<string, Param['in']> = {
  'Path parameters': 'path',
  'Query parameters': 'query',
  'Request body': 'body',
};

/** `…/api-reference/responses/object` → `object:response`. */
function returnedObject(blocks: readonly Block[]): string | undefined {
  for (const b of blocks) {
    const m = /\]\(https?:\/\/[^)]*\/api-reference\/([a-z-]+)\/object\)/.exec(b.source);
    if (m) return objectId(m[1]!.replace(/s$/, ''));
  }
  return undefined;
}

function extractEndpoint(
  section: Section,
  apiSection: string,
  file: string,
  source: SourceInfo,
  out: SourceExtract,
  bag: DiagnosticBag,
): void {
  const m = ENDPOINT_LINE.exec(section.blocks[0]!.text)!;
  const method = m[1]!.toUpperCase() as Endpoint['method'];
  const path = m[3]!;
  const id = endpointId(method, path);
  const subsections = splitSections(section.blocks, 4);
  const firstSub = section.blocks.findIndex((b) => b.node.type === 'heading');
  const description = section.blocks.slice(1, firstSub < 0 ? undefined : firstSub);
  let returns: Endpoint['returns'];
  for (const sub of subsections) {
    const location = getOwn(PARAM_SECTIONS, sub.heading.text);
    if (location) {
      for (const { field, values } of parseFields(sub.blocks, file, source.id, bag)) {
        const pid = paramId(id, field.name);
        out.params.push({ id: pid, kind: 'param', endpoint: id, in: location, field });
        for (const v of values) {
          out.enums.push({
            id: enumId(pid, v.value),
            kind: 'enum',
            param: pid,
            value: v.value,
            description: v.description,
            anchors: [formatAnchor(file, v.line)],
            sources: [source.id],
          });
        }
      }
    } else if (sub.heading.text === 'Returns') {
      const paragraphs = sub.blocks.filter((b) => b.node.type === 'paragraph');
      const object = returnedObject(paragraphs.slice(0, 1));
      returns = { description: paragraphs[0]?.source ?? '', ...(object ? { object } : {}) };
    }
  }
  out.endpoints.push({
    id,
    kind: 'endpoint',
    method,
    path,
    title: section.heading.text,
    section: apiSection,
    description: prose(description),
    anchors: [formatAnchor(file, section.heading.line, lastLine(section.heading, section.blocks))],
    sources: [source.id],
    ...(returns ? { returns } : {}),
    classNames: [],
    ...withSdkCalls(sdkCallsIn(codeIn(section.blocks), path)),
  });
}

/** The code blocks of a section and its subsections: the examples. */
function codeIn(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) if (b.node.type === 'code') out.push(b.node.value);
  return out;
}

export function extractPage(text: string, source: SourceInfo, bag: DiagnosticBag): SourceExtract {
  if (!checkMarkdownNesting(text, source.id, bag)) return emptyExtract(source);
  return extractTree(parseMarkdown(text), text, source, bag);
}

/** The same from an already parsed tree (`text` is what it was parsed from: sources are sliced from it). */
export function extractTree(tree: Root, text: string, source: SourceInfo, bag: DiagnosticBag): SourceExtract {
  const file = source.id;
  const linkedSections = extractLinkedSections(tree);
  const out = emptyExtract(linkedSections.length ? { ...source, linkedSections } : source);
  const sections = splitSections(toBlocks(tree, text), 2).filter((s) => s.depth === 2);
  let apiSection = '';
  for (const section of sections) {
    const title = section.heading.text;
    const first = section.blocks[0];
    if (first?.node.type === 'paragraph' && ENDPOINT_LINE.test(first.text)) {
      extractEndpoint(section, apiSection, file, source, out, bag);
    } else if (/^The\s/.test(title)) {
      out.objects.push(extractObject(section, file, source, bag));
    } else if (EVENT_TITLE.test(title)) {
      out.events.push(extractEvent(section, file, source, bag));
    } else {
      apiSection = title;
    }
  }
  if (!out.events.length && !out.endpoints.length && !out.objects.length) {
    bag.error({
      code: 'no-items',
      file,
      line: 1,
      column: 1,
      message:
        'Found no events, endpoints or objects in this page, expected an OpenAI API reference page (`## response.created`, `## Create a model response`, `## The response object`)',
      hint: 'remove the file from `sources` in specmap.config.json, or give it the right `kind`',
    });
  }
  return out;
}
