/** 기간: month, quarter, year or a custom range; every change is a new period key. */
import { periodRange, type Period } from '../../../../shared/report';
import { useChartsT } from './messages';

const pad = (n: number) => String(n).padStart(2, '0');

function switchKind(p: Period, kind: Period['kind']): Period {
  const { from, to } = periodRange(p);
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  switch (kind) {
    case 'month':
      return { kind, year, month };
    case 'quarter':
      return { kind, year, quarter: Math.ceil(month / 3) };
    case 'year':
      return { kind, year };
    case 'range':
      return { kind, from, to };
  }
}

export function PeriodPicker({
  period,
  onChange,
}: {
  period: Period;
  onChange: (p: Period) => void;
}) {
  const t = useChartsT();
  const kinds: Period['kind'][] = ['month', 'quarter', 'year', 'range'];
  return (
    <fieldset className="dash-picker" data-testid="period-picker">
      <legend>{t('period.label')}</legend>
      <select
        data-testid="period-kind"
        aria-label={t('period.label')}
        value={period.kind}
        onChange={(e) => onChange(switchKind(period, e.target.value as Period['kind']))}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`period.${k}`)}
          </option>
        ))}
      </select>
      {period.kind === 'month' && (
        <input
          type="month"
          data-testid="period-month"
          aria-label={t('period.month')}
          value={`${period.year}-${pad(period.month)}`}
          onChange={(e) => {
            const [y, m] = e.target.value.split('-').map(Number);
            if (y && m) onChange({ kind: 'month', year: y, month: m });
          }}
        />
      )}
      {(period.kind === 'quarter' || period.kind === 'year') && (
        <input
          type="number"
          data-testid="period-year"
          aria-label={t('period.year')}
          min={1990}
          max={2100}
          value={period.year}
          onChange={(e) => {
            const year = Number(e.target.value);
            if (Number.isInteger(year) && year >= 1990 && year <= 2100)
              onChange({ ...period, year });
          }}
        />
      )}
      {period.kind === 'quarter' && (
        <select
          data-testid="period-quarter"
          aria-label={t('period.quarter')}
          value={period.quarter}
          onChange={(e) => onChange({ ...period, quarter: Number(e.target.value) })}
        >
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t('period.quarterN', { n: q })}
            </option>
          ))}
        </select>
      )}
      {period.kind === 'range' && (
        <>
          <input
            type="date"
            data-testid="period-from"
            aria-label={t('period.from')}
            value={period.from}
            max={period.to}
            onChange={(e) => e.target.value && onChange({ ...period, from: e.target.value })}
          />
          <span aria-hidden="true">~</span>
          <input
            type="date"
            data-testid="period-to"
            aria-label={t('period.to')}
            value={period.to}
            min={period.from}
            onChange={(e) => e.target.value && onChange({ ...period, to: e.target.value })}
          />
        </>
      )}
    </fieldset>
  );
}
