import type { ComponentType, ReactNode } from 'react';
import type { FieldKind } from '../../../../shared/registry';
import { BooleanWidget, EnumWidget, MultiEnumWidget } from './ChoiceWidgets';
import { DateWidget } from './DateWidget';
import { NumberWidget } from './NumberWidget';
import { RefsWidget, RefWidget } from './RefWidgets';
import { StaffWidget } from './StaffWidget';
import { LongTextWidget, TextWidget } from './TextWidget';
import type { WidgetProps } from './types';

/** The widget of each field kind; a new kind without a widget fails to compile here. */
const WIDGETS: Record<FieldKind, ComponentType<WidgetProps>> = {
  text: TextWidget,
  longText: LongTextWidget,
  integer: NumberWidget,
  decimal: NumberWidget,
  money: NumberWidget,
  percent: NumberWidget,
  date: DateWidget,
  enum: EnumWidget,
  multiEnum: MultiEnumWidget,
  ref: RefWidget,
  refs: RefsWidget,
  boolean: BooleanWidget,
  brn: TextWidget,
  crn: TextWidget,
  ksic: TextWidget,
  phone: TextWidget,
  email: TextWidget,
  url: TextWidget,
  tags: TextWidget,
};

export interface FieldRowProps extends Omit<WidgetProps, 'describedBy' | 'invalid'> {
  error: string | undefined;
  /** shown under the error, e.g. a warning that does not block saving */
  extra?: ReactNode;
}

/**
 * One form row: label (with * when required), the widget, help text and the error right under
 * it (`error-<key>`), all tied together with ids for screen readers.
 */
export function FieldRow(props: FieldRowProps) {
  const { field, inputId, error, lang, t, extra, ...widgetProps } = props;
  // A staff name is text to the registry, a pick from the team's list to the user.
  const Widget = field.staffName ? StaffWidget : WIDGETS[field.kind];
  const helpText =
    field.kind === 'tags' ? (field.help?.[lang] ?? t('widget.tagsHelp')) : field.help?.[lang];
  const helpId = helpText ? `${inputId}-help` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const isGroup = field.kind === 'multiEnum';
  const labelText = (
    <>
      {field.label[lang]}
      {field.required && (
        <span className="ef-required" title={t('form.required')}>
          {' *'}
        </span>
      )}
    </>
  );
  return (
    <div className={`ef-field ef-field--${field.kind}`} data-field={field.key}>
      {isGroup ? (
        <span id={`${inputId}-label`} className="ef-label">
          {labelText}
        </span>
      ) : (
        <label htmlFor={inputId} className="ef-label">
          {labelText}
        </label>
      )}
      <div className="ef-control">
        <Widget
          {...widgetProps}
          field={field}
          inputId={inputId}
          lang={lang}
          t={t}
          invalid={error !== undefined}
          describedBy={describedBy}
        />
        {error && (
          <p id={errorId} className="ef-error" data-testid={`error-${field.key}`}>
            {error}
          </p>
        )}
        {extra}
        {helpText && (
          <p id={helpId} className="ef-help">
            {helpText}
          </p>
        )}
      </div>
    </div>
  );
}
