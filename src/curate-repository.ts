/**
 * Where curate lives on GitHub, as `owner/name`: the repository its action is `uses:`d from (the
 * workflows `curate init` writes, the README's adoption workflows), its home page, and where
 * the roadmap schema is published. One truth: test/e2e/init.test.ts checks that init's output,
 * the README, action.yml, the release workflow and the changelog all name this one.
 */
export const CURATE_REPOSITORY = 'curate-dev/curate';
