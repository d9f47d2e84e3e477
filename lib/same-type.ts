/**
 * Compile-time checks that two descriptions of one thing agree: a zod schema and the type it
 * validates, a list and the keys of a type. A mismatch fails `tsc`, not a user's import.
 */

/** True only when A and B are the same type: every key, optional or not, on both sides. */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Fails to compile unless T is `true`: `type _ = Assert<Equals<X, Y>>`. */
export type Assert<T extends true> = T;
