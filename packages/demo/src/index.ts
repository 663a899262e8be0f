// The public face of @credence/demo (see its package.json description).
export {};
