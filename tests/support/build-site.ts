/**
 * The one way tests build the site in-process. The build's phases (client bundle, data,
 * prerendered pages) are run by Vite's app builder, as `vite build` runs them; every
 * programmatic build goes through here so that a change of orchestration changes one place.
 */
import { createBuilder, type InlineConfig } from 'vite';

export async function buildSite(inlineConfig: InlineConfig): Promise<void> {
  const builder = await createBuilder(inlineConfig, null);
  await builder.buildApp();
}
