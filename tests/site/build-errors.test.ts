import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build-site.ts';

const BROKEN = join(import.meta.dirname, '../fixtures/broken');

describe('a build of content with a problem', () => {
  // The check runs in a worker thread inside the build; its message must still reach the reader whole.
  it('fails before rendering anything, naming file, line and field', async () => {
    await expect(buildSite(join(BROKEN, 'broken-yaml', 'content'))).rejects.toThrow(
      /The archive's content has 1 problem:\n {2}\S*tests\/fixtures\/broken\/broken-yaml\/content\/talks\/notes-on-the-engine\.md:2: title: YAML is not valid: Missing closing "quote/,
    );
  }, 60_000);
});
