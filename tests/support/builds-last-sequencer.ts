/**
 * Vitest's file order with one change: within a project, the files that run whole builds come
 * after the others, in the order given (longest first, so that on two workers the longest does
 * not start last). Vitest otherwise starts the slowest files of the last run first, or, on a
 * clean clone, the largest files, so a broken rule in a pure test would wait behind a
 * 10k-article build, and the 10k build could start after shorter ones.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export function buildsLastSequencer(buildFiles: readonly string[]): typeof BaseSequencer {
  return class BuildsLastSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      /** -1 for a file that is not a build; else its place in `buildFiles`. */
      const buildRank = (spec: TestSpecification) => buildFiles.indexOf(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join('/'));
      // Stable: the base order (group, project, then slowest first) stays among the other files.
      return sorted
        .map((spec, index) => ({ spec, index, rank: buildRank(spec) }))
        .sort(
          (a, b) =>
            a.spec.project.config.sequence.groupOrder - b.spec.project.config.sequence.groupOrder ||
            (a.spec.project.name < b.spec.project.name ? -1 : a.spec.project.name > b.spec.project.name ? 1 : 0) ||
            a.rank - b.rank ||
            a.index - b.index,
        )
        .map(({ spec }) => spec);
    }
  };
}
