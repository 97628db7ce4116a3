import { describe, expect, it, vi } from 'vitest';
import { handOverCheckedEntries, takeCheckedEntries, type LoadableEntries } from '../../src/lib/content/checked-entries.ts';

const entry = (id: string) => ({ id, file: `content/talks/${id}.md`, digest: id, data: { title: id } });
const entries = (): LoadableEntries => ({ talks: [entry('a'), entry('b')], speakers: [], events: [], topics: [] });

describe('the entries the build’s check hands to the loader', () => {
  it('are taken once per collection, for the content folder they were read from', () => {
    handOverCheckedEntries('/archive', entries());
    expect(takeCheckedEntries('/elsewhere', 'talks')).toBeUndefined();
    expect(takeCheckedEntries('/archive', 'talks')?.map((taken) => taken.id)).toEqual(['a', 'b']);
    expect(takeCheckedEntries('/archive', 'talks')).toBeUndefined();
    expect(takeCheckedEntries('/archive', 'speakers')).toEqual([]);
  });

  it('wait on the global object, so that another copy of the module finds them', async () => {
    handOverCheckedEntries('/archive', entries());
    vi.resetModules();
    const other = await import('../../src/lib/content/checked-entries.ts');
    expect(other.takeCheckedEntries).not.toBe(takeCheckedEntries);
    expect(other.takeCheckedEntries('/archive', 'talks')?.length).toBe(2);
  });
});
