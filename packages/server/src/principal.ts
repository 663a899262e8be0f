// Roles and principals are the users' (app/src/users); the server decides per route which roles may call it.
export { type Principal, ROLES, type Role } from '@credence/app';
