// The public face of @credence/runtime (see its package.json description).
export {};
