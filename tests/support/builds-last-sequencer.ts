/**
 * Vitest's file order with one change: within a project, the files that run whole builds come
 * after the others. Vitest otherwise starts the slowest (or, on a clean clone, the largest)
 * files first, so a broken rule in a pure test would wait behind a 10k-article build.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export function buildsLastSequencer(buildFiles: readonly string[]): typeof BaseSequencer {
  return class BuildsLastSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const isBuild = (spec: TestSpecification) => buildFiles.includes(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join('/'));
      // Stable: the base order (group, project, then slowest first) stays within each part.
      return sorted
        .map((spec, index) => ({ spec, index }))
        .sort(
          (a, b) =>
            a.spec.project.config.sequence.groupOrder - b.spec.project.config.sequence.groupOrder ||
            (a.spec.project.name < b.spec.project.name ? -1 : a.spec.project.name > b.spec.project.name ? 1 : 0) ||
            Number(isBuild(a.spec)) - Number(isBuild(b.spec)) ||
            a.index - b.index,
        )
        .map(({ spec }) => spec);
    }
  };
}
