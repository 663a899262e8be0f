export * from './binning';
export * from './boost';
export * from './metrics';
export * from './model';
export * from './polish-attributes';
export * from './polish-inputs';
export * from './tree-shap';
