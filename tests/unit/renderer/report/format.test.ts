import { describe, expect, it } from 'vitest';
import {
  columnChars,
  formatCell,
  formatChange,
  formatFigure,
} from '../../../../renderer/features/report/format';

describe('report number formats', () => {
  it('prints unknown as – and never as 0', () => {
    expect(formatFigure(null, 'count', 'ko')).toBe('–');
    expect(formatChange(null, 'count', 'ko')).toBe('–');
    expect(formatCell(null, 'count', 'ko')).toBe('–');
    expect(formatFigure(0, 'count', 'ko')).toBe('0');
  });

  it('signs changes with a true minus and shows percent changes in points', () => {
    expect(formatChange(1234, 'count', 'ko')).toBe('+1,234');
    expect(formatChange(-738, 'people', 'ko')).toBe('−738');
    expect(formatChange(0, 'count', 'ko')).toBe('0');
    expect(formatChange(3.94, 'percent', 'ko')).toBe('+3.9%p');
    expect(formatChange(-2.46, 'days', 'ko')).toBe('−2.5');
  });

  it('prints money in 억원 and 만 달러', () => {
    expect(formatFigure(1_230_000_000, 'krw', 'ko')).toBe('12.3억원');
    expect(formatFigure(26_000_000, 'usd', 'ko')).toBe('2,600만 달러');
  });

  it('cuts long text to its column so a row stays one line, and leaves hostile text as text', () => {
    const max = columnChars(20);
    const cut = formatCell('가'.repeat(50), 'text', 'ko', 20);
    expect([...cut]).toHaveLength(max);
    expect(cut.endsWith('…')).toBe(true);
    expect(formatCell('=HYPERLINK("x")', 'text', 'ko', 100)).toBe('=HYPERLINK("x")');
  });
});
