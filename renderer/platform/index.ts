/**
 * The platform the renderer runs on, chosen once at load: the desktop bridge when the Electron
 * preload exposed `window.pumasi`, browser fallbacks otherwise.
 */
import { createBrowserPlatform } from './browser';
import { createDesktopPlatform } from './desktop';
import type { Platform } from './types';

function choosePlatform(): Platform {
  const browser = createBrowserPlatform();
  const bridge = typeof window !== 'undefined' ? window.pumasi : undefined;
  return bridge ? createDesktopPlatform(bridge, browser.requestPersistentStorage) : browser;
}

export const platform: Platform = choosePlatform();

export { createBrowserPlatform, createDesktopPlatform };
export * from './types';
