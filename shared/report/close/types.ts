/**
 * A closed month (월 마감): the report of a cluster and month as it was when the team closed it,
 * kept in the local table `monthCloses` (Dexie v8). Its `model` is what a past report reopens
 * (never recomputed), its `figures` are what later reports compare against to print corrections.
 */
import type { Lang } from '../../registry';
import type { Label } from '../../registry/types';
import type { IndicatorUnit, KeyFigureUnit, MonthlyReportModel } from '../monthly/types';

/** One figure of the closed month as printed: a key figure or an indicator line. */
export interface ClosedFigure {
  /** a key figure's FigureKey, or `indicator:<metric>:<complex>` */
  key: string;
  label: Label;
  unit: KeyFigureUnit | IndicatorUnit;
  value: number | null;
}

/** Who closed it: the install's profile (name and 직책 code), null when no profile was set. */
export interface ClosedBy {
  name: string;
  role?: string;
}

export interface MonthClose {
  /** ULID (time-ordered) */
  id: string;
  clusterId: string;
  /** `YYYY-MM` */
  month: string;
  /** 1 for the first close of this cluster and month, +1 for each close again */
  revision: number;
  /** ISO time of the close */
  closedAt: string;
  closedBy: ClosedBy | null;
  /** the language the model's cells were written in */
  lang: Lang;
  figures: ClosedFigure[];
  model: MonthlyReportModel;
  /** the 결재란 and the notes as printed */
  signoff: Array<{ label: string; name: string }>;
  notes: string;
}
