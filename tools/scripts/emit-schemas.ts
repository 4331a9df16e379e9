import { applyPlan, planWrites } from '../io/write-plan.js';
import { schemaFiles } from '../schema/emit.js';

const written = applyPlan(planWrites(process.cwd(), schemaFiles()));
process.stdout.write(written.length ? `wrote ${written.join(', ')}\n` : 'schemas unchanged\n');
