import { describe, expect, it } from 'vitest';
import { count, hours, meetingsPer } from './plural';

describe('Swedish counts', () => {
  it('uses the singular for one', () => {
    expect(count(1, 'träff', 'träffar')).toBe('1 träff');
    expect(count(0, 'träff', 'träffar')).toBe('0 träffar');
    expect(meetingsPer(1, 'manad')).toBe('1 träff per månad');
    expect(meetingsPer(4, 'vecka')).toBe('4 träffar per vecka');
    expect(hours(1)).toBe('1 timme');
    expect(hours(2.5)).toBe('2,5 timmar');
  });
});
