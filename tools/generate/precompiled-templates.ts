/**
 * The built-in templates as Handlebars' precompiler compiles them, each with the text it was
 * compiled from. In the sources this list is empty; the build (scripts/finish-build.ts) writes
 * the compiled module in its place in dist/, so a run of the built tool does not compile the
 * templates it ships. A template is taken from here only when its text is exactly the one
 * compiled: a user's override, or a template edited after the build, is compiled at run time.
 */
import type Handlebars from 'handlebars';

export type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The version of Handlebars that compiled them: a spec is read only by the runtime of its own version. */
export const PRECOMPILED_WITH = '';

export const PRECOMPILED: readonly { text: string; spec: TemplateSpecification }[] = [];
