/**
 * A unit line (`(단위 : 백만달러, %)`) applied to an indicator's value: the value field is a plain
 * decimal whose unit depends on the row's metric (생산액 in 원, 수출액 in 달러), so 685 백만달러
 * is stored as 685,000,000 for an exports row (issue 6: it was stored as 685).
 */
import type { EntityDef, MoneyUnit } from '../registry';
import { enumCode, enumOptions } from '../registry/schema';
import { METRIC_UNITS } from '../registry/metricUnits';

/** Metrics whose value is money, and in which currency (DOMAIN.md: production KRW, exports USD). */
export const METRIC_MONEY_UNIT: Readonly<Record<string, MoneyUnit>> = Object.fromEntries(
  Object.entries(METRIC_UNITS).flatMap(([code, unit]) =>
    unit.kind === 'money' ? [[code, unit.currency]] : [],
  ),
);

/** The currency of a row's value when the entity's values depend on a metric, else null. */
export function rowMoneyUnit(
  entity: EntityDef,
  field: string,
  input: Record<string, unknown>,
): MoneyUnit | null {
  if (entity.name !== 'indicator' || field !== 'value') return null;
  const metricField = entity.fields.find((f) => f.key === 'metric');
  if (!metricField) return null;
  const code = enumCode(enumOptions(metricField), input.metric);
  return typeof code === 'string' && Object.hasOwn(METRIC_MONEY_UNIT, code)
    ? METRIC_MONEY_UNIT[code]!
    : null;
}
