/** Renders the tracker markdown for a model and mapping; the reports stage calls this too. */
import { DiagnosticBag, hasErrors } from '../../diagnostics/diagnostic.js';
import { GeneratorError } from '../../diagnostics/errors.js';
import { banners } from '../banner.js';
import { loadTemplates, TemplateRenderer, type TemplateSet } from '../templates.js';
import { MANUAL_STATUS_MARK } from './columns.js';
import { trackerView, type TrackerOptions } from './tracker-view.js';
import type { Model } from '../../model/schema.js';

export function trackerText(model: Model, options: TrackerOptions, render: TemplateRenderer): string {
  const view = trackerView(model, options);
  const text = render.render('tracker.md.hbs', {
    banner: banners().md,
    legend: view.legend,
    manualMark: MANUAL_STATUS_MARK,
    sections: view.sections,
  });
  // The record goes last, after the template's tables, so a user's own template keeps it too.
  return `${text.replace(/\n*$/, '\n')}\n${view.record}`;
}

/** The tracker markdown; throws a GeneratorError naming the template when it cannot render. */
export function renderTracker(model: Model, options: TrackerOptions & { templates?: TemplateSet } = {}): string {
  const bag = new DiagnosticBag();
  const text = trackerText(model, options, new TemplateRenderer(options.templates ?? loadTemplates(), bag));
  if (hasErrors(bag.items)) throw new GeneratorError('cannot render the tracker', bag.sorted());
  return text;
}
