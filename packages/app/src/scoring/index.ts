export * from './evaluate-model';
export * from './model-rows';
export * from './score-rows';
export * from './train-model';
