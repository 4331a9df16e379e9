/**
 * The few error classes (STYLE.md): input (spec/sources/traces), config, generator. Anything else
 * that reaches the CLI is a bug: it prints a stack trace and exits 2.
 */
import type { Diagnostic } from './diagnostic.js';

export abstract class SpecmapError extends Error {
  abstract readonly kind: 'input' | 'config' | 'generator' | 'usage';
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InputError extends SpecmapError {
  readonly kind = 'input' as const;
}
export class ConfigError extends SpecmapError {
  readonly kind = 'config' as const;
}
export class GeneratorError extends SpecmapError {
  readonly kind = 'generator' as const;
}
export class UsageError extends SpecmapError {
  readonly kind = 'usage' as const;
}

/** Exit codes are API (DESIGN.md): 0 clean, 1 findings or drift, 2 usage/config/input/internal. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
