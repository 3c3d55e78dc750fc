/** The envelope every IPC handler answers with: a value, or an error with a Korean message. */

export type IpcErrorCode =
  | 'INVALID_INPUT'
  | 'FORBIDDEN'
  | 'TOO_LARGE'
  | 'NOT_FOUND'
  | 'IO_ERROR'
  | 'UNKNOWN_CHANNEL'
  | 'INTERNAL';

export interface IpcError {
  code: IpcErrorCode;
  /** Korean, ready to show to the user. */
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const IPC_ERROR_MESSAGES: Readonly<Record<IpcErrorCode, string>> = {
  INVALID_INPUT: '요청 값이 올바르지 않습니다.',
  FORBIDDEN: '허용되지 않은 요청입니다.',
  TOO_LARGE: '파일이 너무 큽니다.',
  NOT_FOUND: '파일을 찾을 수 없습니다.',
  IO_ERROR: '파일을 읽거나 쓰는 중 오류가 발생했습니다.',
  UNKNOWN_CHANNEL: '알 수 없는 요청입니다.',
  INTERNAL: '처리 중 예기치 않은 오류가 발생했습니다.',
};

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: IpcErrorCode,
  message: string = IPC_ERROR_MESSAGES[code],
): IpcResult<T> => ({ ok: false, error: { code, message } });

/** Thrown inside a handler to answer with a specific error instead of INTERNAL. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string = IPC_ERROR_MESSAGES[code],
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}
