// The public face of @credence/letters (see its package.json description).
export {};
