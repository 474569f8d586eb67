/**
 * Lets the event loop run what waits (other requests' I/O, timers) before going on. Long work calls it between its
 * chunks: PGlite runs a query inside this process and answers it through promises alone, so a loop of awaited queries
 * never leaves the microtask queue and no other request gets in until the loop ends, however short each query is.
 * (Seen: a request made after an export's first chunk was answered only after its last.)
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
