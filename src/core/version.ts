/**
 * The package's version, written in by the build. The script tag's files carry it, so a
 * loader never runs a survey file from another build (a cached nps-widget.js after the files
 * beside it were replaced, say).
 */
export const VERSION: string = import.meta.env.NPS_VERSION;
