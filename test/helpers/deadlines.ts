/**
 * Deadlines for tests on real sockets. A test's verdict must not depend on how fast the machine
 * is: on a 2-core CI runner under load, a loopback answer that takes 5 ms when idle can take a
 * second or more. So there are two kinds of deadline, never one in between:
 *
 * - a test that expects an answer (ok, broken, refused, reset, …) uses a deadline no loopback
 *   answer misses, however loaded the machine: it costs nothing, since the answer comes first;
 * - a test that proves a timeout uses a server that never answers (or a proxy that hangs) and a
 *   short deadline: the verdict is the same however slow the machine, and it costs little.
 */

/** Per-attempt deadline for a request that must be answered; far above any loopback answer. */
export const ANSWER_DEADLINE_MS = 15_000;

/** Connect timeout for a connection that must succeed (or be refused) on 127.0.0.1. */
export const CONNECT_DEADLINE_MS = ANSWER_DEADLINE_MS;

/** Deadline for a server that never answers: it proves the timeout, whatever the load. */
export const NO_ANSWER_DEADLINE_MS = 300;
