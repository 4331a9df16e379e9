/**
 * Default event categories: the groups the users of the reference API track (DESIGN.md, users 2),
 * in their order, from the bundled profile data (profiles/openai.json `categories`). The config's
 * `categories` replaces this list; first match wins; without either, every event is `other`.
 */
import picomatch from 'picomatch';
import type { CategoryConfig } from './schema.js';
import { profileOfKind } from '../profiles/source-profile.js';

export const DEFAULT_CATEGORIES: CategoryConfig[] =
  profileOfKind('openai-docs')?.categories?.map((c) => ({
    ...c,
    match: [...c.match],
    subcategories: c.subcategories.map((sub) => ({ ...sub, match: [...sub.match] })),
  })) ?? [];

export const OTHER_CATEGORY = { id: 'other', title: 'Other' } as const;

export interface CategoryMatch {
  category: string;
  subcategory?: string;
}

/** Returns a classifier from event type to category; unmatched types fall in `other`. */
export function categorizer(categories: readonly CategoryConfig[]): (type: string) => CategoryMatch {
  const opts = { dot: true };
  const compiled = categories.map((c) => ({
    id: c.id,
    own: c.match.length ? picomatch(c.match, opts) : () => false,
    subs: c.subcategories.map((s) => ({ id: s.id, test: picomatch(s.match, opts) })),
  }));
  return (type) => {
    for (const c of compiled) {
      const sub = c.subs.find((s) => s.test(type));
      if (sub) return { category: c.id, subcategory: sub.id };
      if (c.own(type)) return { category: c.id };
    }
    return { category: OTHER_CATEGORY.id };
  };
}
