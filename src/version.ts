declare const __REFRAME_VERSION__: string;
/** Set by the bundler from package.json. */
export const VERSION = typeof __REFRAME_VERSION__ === 'string' ? __REFRAME_VERSION__ : '0.0.0-dev';
/** The name reframe is published under on the npm registry (the command is still `reframe`). */
export const PACKAGE_NAME = 'reframe-cbt';
