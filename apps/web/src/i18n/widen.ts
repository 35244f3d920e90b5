/** The shape of a message tree with every string widened: the twin language must match it. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
