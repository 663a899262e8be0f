// The public face of @credence/server (see its package.json description).
export {};
