/** Small shared UI pieces. The shell mounts `<ToastHost/>` once; features raise toasts. */
export { ToastHost } from './ToastHost';
export {
  useToastStore,
  showToast,
  dismissToast,
  latestUndoToast,
  runToastAction,
  type Toast,
  type ToastAction,
  type ToastInput,
  type ToastTone,
} from './toast';
export { Dialog, type DialogProps } from './Dialog';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { EmptyState, type EmptyStateProps } from './EmptyState';
