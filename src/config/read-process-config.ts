import { parseConfig, type Config } from "./parse-config.js";

/**
 * The one place the product reads process.env (eslint.config.js refuses it anywhere else in src/): the doors call
 * this once at start and pass the Config on.
 */
export function readProcessConfig(): Config {
  return parseConfig(process.env);
}
