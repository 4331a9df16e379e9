/** Target `tracker`: the per-event tracker table (tracker/tracker-view.ts decides its content). */
import { DEFAULT_CATEGORIES } from '../../config/categories.js';
import { GENERATE_COMMAND } from '../banner.js';
import { outPath, type Target } from '../context.js';
import { TRACKER_FILE } from '../tracker/columns.js';
import { trackerText } from '../tracker/render-tracker.js';

export const trackerTarget: Target = (ctx) => {
  const path = outPath(ctx, TRACKER_FILE);
  const content = trackerText(
    ctx.model,
    {
      mapping: ctx.mapping,
      existing: ctx.existing.get(path),
      categories: ctx.config.categories ?? DEFAULT_CATEGORIES,
      columns: ctx.config.generate.tracker?.columns,
      // No lanes in the config (a programmatic caller, a bare config): mapping.json's lane list decides.
      lanes: ctx.config.lanes.length ? ctx.config.lanes : undefined,
    },
    ctx.render,
  );
  return [{ path, content, producedBy: GENERATE_COMMAND }];
};
