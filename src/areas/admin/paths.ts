import { path } from '../../web/path-builder.js'

export const adminPaths = {
  users: path('/admin/users'),
  newUser: path('/admin/users/new'),
  user: path('/admin/users/:userId'),
  disable: path('/admin/users/:userId/disable'),
  enable: path('/admin/users/:userId/enable'),
  unlock: path('/admin/users/:userId/unlock'),
  password: path('/admin/users/:userId/password'),
  audit: path('/admin/audit'),
}

/** What an administrator can do to an account, each a button on its page. */
export type AccountAction = 'disable' | 'enable' | 'unlock' | 'password'
