declare const __REFRAME_VERSION__: string;
/** Set by the bundler from package.json. */
export const VERSION = typeof __REFRAME_VERSION__ === 'string' ? __REFRAME_VERSION__ : '0.0.0-dev';
