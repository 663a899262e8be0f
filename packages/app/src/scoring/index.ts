export * from './evaluate-model';
export * from './model-rows';
export * from './score-buyer';
export * from './score-rows';
export * from './train-model';
