/**
 * The mapping file's format version, apart from its Zod schema: the mapping is computed and read on
 * paths (a check after an edit) that need the number but not Zod, whose loading costs ~40 ms.
 */
export const MAPPING_VERSION = 1;
