/** Model-wide derivations applied after merging: event categories and correlation keys. */
import { categorizer, DEFAULT_CATEGORIES } from '../config/categories.js';
import type { CategoryConfig } from '../config/schema.js';
import type { Event } from '../model/schema.js';
import { withSdkClassNames } from './class-names.js';
import { correlationKeys } from './correlation.js';

export interface EnrichOptions {
  categories?: readonly CategoryConfig[];
  correlationKeys?: readonly string[];
}

export function enrichEvents(events: readonly Event[], options: EnrichOptions = {}): Event[] {
  const classify = categorizer(options.categories ?? DEFAULT_CATEGORIES);
  return events.map((event) => {
    // A catalog assigns its own group; rules apply to everything else.
    const match = event.category !== 'other' ? { category: event.category, subcategory: event.subcategory } : classify(event.type);
    const { subcategory: _drop, ...rest } = event;
    return {
      ...rest,
      category: match.category,
      ...(match.subcategory ? { subcategory: match.subcategory } : {}),
      correlationKeys: correlationKeys(event.fields, options.correlationKeys),
      classNames: withSdkClassNames(event.type, event.classNames, event.api),
    };
  });
}
