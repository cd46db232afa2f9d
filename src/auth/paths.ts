import { path } from '../web/path-builder.js'

export const authPaths = {
  signIn: path('/sign-in'),
  signOut: path('/sign-out'),
  oidc: path('/sign-in/oidc'),
  oidcCallback: path('/sign-in/oidc/callback'),
}
