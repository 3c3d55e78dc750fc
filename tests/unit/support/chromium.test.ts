import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  ChromiumNotFoundError,
  chromiumLaunchOptions,
  findChromium,
  type ChromiumLookup,
} from '../../support/chromium';

const lookup = (env: Record<string, string>, executables: string[]): ChromiumLookup => ({
  env,
  isExecutable: (path) => executables.includes(path),
});

describe('findChromium', () => {
  it('prefers PUMASI_CHROMIUM over CHROME_PATH and the system paths', () => {
    const found = findChromium(
      lookup({ PUMASI_CHROMIUM: '/opt/c/chrome', CHROME_PATH: '/opt/other' }, [
        '/opt/c/chrome',
        '/opt/other',
        '/usr/bin/chromium',
      ]),
    );
    expect(found).toBe('/opt/c/chrome');
  });

  it('uses CHROME_PATH when PUMASI_CHROMIUM is unset or blank', () => {
    const found = findChromium(
      lookup({ PUMASI_CHROMIUM: '  ', CHROME_PATH: '/opt/other' }, [
        '/opt/other',
        '/usr/bin/chromium',
      ]),
    );
    expect(found).toBe('/opt/other');
  });

  it('fails on a configured path that is not executable instead of silently falling back', () => {
    expect(() => findChromium(lookup({ PUMASI_CHROMIUM: '/nope' }, ['/usr/bin/chromium']))).toThrow(
      /PUMASI_CHROMIUM=\/nope is not an executable file/,
    );
  });

  it('takes the first system candidate that exists', () => {
    expect(findChromium(lookup({}, ['/usr/bin/google-chrome', '/usr/bin/chromium-browser']))).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(findChromium(lookup({}, ['/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
  });

  it('explains how to install Chromium when none is found', () => {
    const attempt = () => findChromium(lookup({}, []));
    expect(attempt).toThrow(ChromiumNotFoundError);
    expect(attempt).toThrow(/apt-get install -y chromium/);
    expect(attempt).toThrow(/\/usr\/bin\/chromium, \/usr\/bin\/chromium-browser/);
  });
});

describe('chromiumLaunchOptions', () => {
  it('passes the headless flags and never relies on a downloaded browser', () => {
    const options = chromiumLaunchOptions(lookup({}, ['/usr/bin/chromium']));
    expect(options.executablePath).toBe('/usr/bin/chromium');
    expect(options.args).toEqual([...CHROMIUM_ARGS]);
    expect(options.args).toContain('--no-sandbox');
    expect(options.args).toContain('--disable-component-update');
  });
});
