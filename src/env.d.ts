/** What the build writes in (vite.config.ts `define`). */
interface ImportMetaEnv {
  /** The version in package.json. */
  readonly NPS_VERSION: string;
}
