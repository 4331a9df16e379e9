/**
 * Collects the facts of one file. Adapters say what they saw (a definition, a handler, …); the
 * sink applies the rules that hold for every language: a test file's literals are tests, and one
 * literal at one position is reported once.
 */
import type { Candidates } from './candidates.js';
import type { AnalyzerWarning, CodeFact, CodeFactKind } from './facts.js';
import type { FactLanguage } from './file-role.js';
import { emptyModuleFacts, type ModuleFacts } from './module-facts.js';

export interface FileContext {
  /** Workspace-relative, `/`-separated. */
  file: string;
  language: FactLanguage;
  isTest: boolean;
  candidates: Candidates;
}

export type FactInput = Omit<CodeFact, 'file' | 'language' | 'line' | 'column'> & { line: number; column: number };

export interface FileFacts {
  facts: CodeFact[];
  warnings: AnalyzerWarning[];
  /** Names this file declares, imports and re-exports (absent for traces). */
  module?: ModuleFacts;
  /**
   * A test file parsed without its quiet tests: the classes those tests construct, check or
   * extend. The workspace pass parses the file whole when one of them turns out to be a class the
   * workspace ties to an event type (test-sections.ts).
   */
  quietClasses?: string[];
}

const TESTABLE: ReadonlySet<CodeFactKind> = new Set(['definition', 'emitter', 'handler', 'literal']);

export class FactSink {
  readonly facts: CodeFact[] = [];
  readonly warnings: AnalyzerWarning[] = [];
  readonly module: ModuleFacts = emptyModuleFacts();
  private readonly seen = new Set<string>();

  constructor(readonly ctx: FileContext) {}

  add(input: FactInput): void {
    const kind = this.ctx.isTest && TESTABLE.has(input.kind) ? 'test' : input.kind;
    // `type: Literal["x"] = "x"` names the type twice: one definition per class and type (or object).
    const key =
      kind === 'definition' && (input.literal ?? input.constant) !== undefined
        ? `def:${input.symbol}:${input.literal ?? `=${input.constant}`}`
        : kind === 'definition' && input.object !== undefined
          ? `obj:${input.symbol}:${input.object}`
          : // A route is one per method and path at its place (`app.on(['GET', 'POST'], …)`, a handler of both).
            `${input.line}:${input.column}:${kind}:${input.literal ?? input.constant ?? ''}:${input.className ?? ''}:${input.field ?? ''}:${input.method ?? ''} ${input.path ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const fact: CodeFact = {
      file: this.ctx.file,
      line: input.line,
      column: input.column,
      kind,
      language: this.ctx.language,
      symbol: input.symbol,
    };
    for (const k of [
      'literal',
      'prefix',
      'suffix',
      'namedBy',
      'constant',
      'dottedOnly',
      'object',
      'className',
      'variants',
      'method',
      'path',
      'field',
      'declaredType',
      'optional',
      'default',
      'values',
      'fields',
      'evidence',
      'params',
      'pathFrom',
      'router',
      'view',
      'handsBody',
      'paramsOnly',
      'namedBuilder',
      'returnedBy',
      'wrapper',
    ] as const) {
      if (input[k] !== undefined) (fact as Record<string, unknown>)[k] = input[k];
    }
    this.facts.push(fact);
  }

  warn(line: number, column: number, message: string): void {
    this.warnings.push({ file: this.ctx.file, line, column, message });
  }

  result(): FileFacts {
    return { facts: this.facts, warnings: this.warnings, ...(this.ctx.language === 'trace' ? {} : { module: this.module }) };
  }
}
