/**
 * The major version of the plugin contract this SDK describes.
 * A plugin declares the `apiVersion` it targets; the kernel refuses one it does not support.
 * The contract grows through optional members; a breaking change is a new major.
 */
export const API_VERSION = 1 as const;

/** Contract majors this SDK (and a kernel built on it) can run. */
export const SUPPORTED_API_VERSIONS: readonly number[] = Object.freeze([1]);
