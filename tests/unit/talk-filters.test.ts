import { describe, expect, it } from 'vitest';
import { compareTalks, facetOptions, isTalkSort, matchesSelection, type FilterableTalk, type TalkSelection } from '../../src/lib/talk-filters.ts';

const talk = (index: number, title: string, date: string, values: FilterableTalk['values'], hasTranscript = true): FilterableTalk => ({
  index,
  title,
  date,
  values,
  hasTranscript,
});
const talks = [
  talk(0, 'Scaling RLHF', '2023-02', { speaker: 'jan-leike', event: 'sf', topic: 'finetuning', kind: 'talk', year: '2023' }),
  talk(1, '“Situational awareness”', '2023-02', { speaker: 'ajeya-cotra', event: 'sf', topic: 'evaluations finetuning', kind: 'talk', year: '2023' }, false),
  talk(2, 'An older talk', '2021', { speaker: 'ada', kind: 'talk', year: '2021' }),
  talk(3, 'Interview', '', { speaker: 'rob-wiblin jan-leike', kind: 'interview' }),
];
const selection = (overrides: Partial<TalkSelection>): TalkSelection => ({ filters: {}, transcriptOnly: false, sort: 'date', ...overrides });
const titles = (list: FilterableTalk[]) => list.map((item) => item.title);

describe('talks index filters', () => {
  it('keeps every talk with nothing chosen', () => {
    expect(talks.filter((item) => matchesSelection(item, selection({})))).toHaveLength(4);
  });

  it('narrows by one value of a many-valued field (speakers, topics)', () => {
    expect(titles(talks.filter((item) => matchesSelection(item, selection({ filters: { speaker: 'jan-leike' } }))))).toEqual(['Scaling RLHF', 'Interview']);
    expect(titles(talks.filter((item) => matchesSelection(item, selection({ filters: { topic: 'finetuning', kind: 'talk' } }))))).toEqual([
      'Scaling RLHF',
      '“Situational awareness”',
    ]);
  });

  it('combines filters, year and "only with full text"', () => {
    expect(titles(talks.filter((item) => matchesSelection(item, selection({ filters: { year: '2023' }, transcriptOnly: true }))))).toEqual(['Scaling RLHF']);
    expect(talks.filter((item) => matchesSelection(item, selection({ filters: { event: 'nowhere' } })))).toEqual([]);
  });

  it('sorts newest first (the archive order), oldest first with undated last, and by title ignoring quotes', () => {
    expect(titles([...talks].sort(compareTalks('date')))).toEqual(['Scaling RLHF', '“Situational awareness”', 'An older talk', 'Interview']);
    expect(titles([...talks].sort(compareTalks('oldest')))).toEqual(['An older talk', 'Scaling RLHF', '“Situational awareness”', 'Interview']);
    expect(titles([...talks].sort(compareTalks('title')))).toEqual(['An older talk', 'Interview', 'Scaling RLHF', '“Situational awareness”']);
  });

  it('knows its sort orders', () => {
    expect(isTalkSort('title')).toBe(true);
    expect(isTalkSort('toString')).toBe(false);
  });
});

describe('facetOptions', () => {
  it('lists each value once with how many items have it, in first-seen order or as asked', () => {
    const items = [['a', 'b'], ['b'], ['c', 'b']];
    const options = facetOptions(items, (values) => values.map((value) => ({ value, label: value.toUpperCase() })));
    expect(options).toEqual([
      { value: 'a', label: 'A', count: 1 },
      { value: 'b', label: 'B', count: 3 },
      { value: 'c', label: 'C', count: 1 },
    ]);
    expect(
      facetOptions(
        items,
        (values) => values.map((value) => ({ value, label: value })),
        (x, y) => y.count - x.count,
      )[0]?.value,
    ).toBe('b');
  });
});
