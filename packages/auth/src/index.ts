export * from './directives.ts';
export * from './errors.ts';
export * from './roles.ts';
export * from './tokens.ts';
export * from './viewer.ts';
