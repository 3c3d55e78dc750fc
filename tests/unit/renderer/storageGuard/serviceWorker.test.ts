import { describe, expect, it } from 'vitest';
import { shouldRegisterServiceWorker } from '../../../../renderer/app/serviceWorker';
import { storageMessages } from '../../../../renderer/features/storage/messages';

const nav = { serviceWorker: {} } as Pick<Navigator, 'serviceWorker'>;

describe('offline service worker registration', () => {
  it('registers only in a production browser-mode build over http(s)', () => {
    expect(shouldRegisterServiceWorker('browser', { protocol: 'http:' }, nav, true)).toBe(true);
    expect(shouldRegisterServiceWorker('browser', { protocol: 'https:' }, nav, true)).toBe(true);
  });

  it('never in the desktop app (app:// serves files from disk), in dev, or without support', () => {
    expect(shouldRegisterServiceWorker('desktop', { protocol: 'app:' }, nav, true)).toBe(false);
    expect(shouldRegisterServiceWorker('desktop', { protocol: 'http:' }, nav, true)).toBe(false);
    expect(shouldRegisterServiceWorker('browser', { protocol: 'http:' }, nav, false)).toBe(false);
    expect(shouldRegisterServiceWorker('browser', { protocol: 'file:' }, nav, true)).toBe(false);
    expect(shouldRegisterServiceWorker('browser', { protocol: 'http:' }, {} as never, true)).toBe(
      false,
    );
  });

  it('every storage message exists in Korean and English', () => {
    expect(Object.keys(storageMessages.en).sort()).toEqual(Object.keys(storageMessages.ko).sort());
  });
});
