export * from './problem.js';
export { anchorLocation, formatLocation } from './location.js';
export { fromDiagnostic } from './from-diagnostic.js';
export { fromCheckFinding } from './from-check-finding.js';
export { fromVerifyFinding } from './from-verify-finding.js';
export { fromCrosscheckFinding } from './from-crosscheck-finding.js';
export { fromDiffChange } from './from-diff-change.js';
export { fromLegacyAnchorDiffers, fromLegacyFinding, fromLegacyOrphan } from './from-legacy.js';
