/**
 * Typed URL builders (STYLE.md, AP `paths.ts`): routes register `pattern`, views and tests call
 * `build(params)`, so no URL is typed by hand twice.
 */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

export interface PathBuilder<P extends string> {
  readonly pattern: P
  build(params: Record<ParamNames<P>, string>): string
}

export function path<P extends string>(pattern: P): PathBuilder<P> {
  return {
    pattern,
    build: (params) =>
      pattern.replace(/:(\w+)/g, (_match, name: string) =>
        encodeURIComponent((params as Record<string, string>)[name] ?? ''),
      ),
  }
}
