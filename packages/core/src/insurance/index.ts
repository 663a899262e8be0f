export * from './claim';
export * from './deadlines';
export * from './exposure';
export * from './insured';
export * from './limits';
export * from './mep';
export * from './policy';
export * from './recoveries';
