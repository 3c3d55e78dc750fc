export * from './app-origin';
export * from './channels';
export * from './contract';
export * from './csp';
export * from './register';
export * from './result';
