export * from './skills.ts';
export * from './work.ts';
