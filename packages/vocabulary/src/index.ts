export * from './countries.ts';
export * from './money.ts';
export * from './skills.ts';
export * from './text.ts';
export * from './work.ts';
