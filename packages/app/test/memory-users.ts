import type { ApiToken, User, UserLanguage, UserReads, UserWrites } from '../src/users';

/** Users and tokens of the in-memory store (a transaction works on a copy). */
export interface UsersMem {
  users: Map<string, User>;
  tokens: Map<string, ApiToken & { revokedAt?: Date }>;
  languages: Map<string, UserLanguage>;
}

export const emptyUsers = (): UsersMem => ({ users: new Map(), tokens: new Map(), languages: new Map() });
export const copyUsers = (m: UsersMem): UsersMem => ({
  users: new Map(m.users),
  tokens: new Map(m.tokens),
  languages: new Map(m.languages),
});

export function usersReads(m: () => UsersMem): UserReads {
  return {
    principalOfToken: async (hash) => {
      const t = [...m().tokens.values()].find((x) => x.hash === hash && x.revokedAt === undefined);
      const u = t === undefined ? undefined : m().users.get(t.user);
      return t === undefined || u === undefined || u.revokedAt !== undefined
        ? undefined
        : { user: u.name, role: u.role, tokenId: t.id };
    },
    findUser: async (name) => m().users.get(name),
    listUsers: async () => [...m().users.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    userLanguage: async (name) => m().languages.get(name),
  };
}

export function usersWrites(m: () => UsersMem, at: Date): UserWrites {
  return {
    insertUser: async (u) => {
      if (m().users.has(u.name)) return false;
      m().users.set(u.name, { ...u, createdAt: at });
      return true;
    },
    insertToken: async (t) => {
      if (!m().users.has(t.user)) throw new Error(`foreign key: user ${t.user}`);
      m().tokens.set(t.id, t);
    },
    revokeUser: async (name) => {
      const u = m().users.get(name);
      if (u !== undefined && u.revokedAt === undefined) m().users.set(name, { ...u, revokedAt: at });
      let tokens = 0;
      for (const t of m().tokens.values())
        if (t.user === name && t.revokedAt === undefined) {
          m().tokens.set(t.id, { ...t, revokedAt: at });
          tokens += 1;
        }
      return { tokens };
    },
    setUserLanguage: async (name, language) => {
      if (!m().users.has(name)) throw new Error(`foreign key: user ${name}`);
      m().languages.set(name, language);
    },
  };
}
