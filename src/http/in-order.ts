/**
 * Pipelined requests of one connection reach the model in the order they were sent: node:http
 * parses a pipelined request while an earlier one still waits for its body, so each request takes a
 * turn on arrival and its answer runs only once every earlier answer has run.
 */

const QUEUE = Symbol('the requests of the connection not answered yet, in arrival order');
const TURN = Symbol("the request's place in its connection's order");

/** A request in its connection's order, and its answer once known (run when its turn comes). */
interface Turn {
  readonly queue: Turn[];
  answer?: () => void;
}
type Connection = object & { [QUEUE]?: Turn[] };
type Request = object & { [TURN]?: Turn };

/**
 * Gives the request (its response object) the next turn on its connection (its socket).
 * @example takeTurn(req.socket, res)
 */
export function takeTurn(connection: Connection, request: Request): void {
  const queue = connection[QUEUE] ?? [];
  connection[QUEUE] = queue;
  const turn: Turn = { queue };
  queue.push(turn);
  request[TURN] = turn;
}

/**
 * Runs `answer` now if every earlier request of the connection is answered, else when they are;
 * later answers already known run after it. A request answered once is not answered again.
 * @example inTurn(res, () => send(res, handleHttp(...)))
 */
export function inTurn(request: Request, answer: () => void): void {
  const turn = request[TURN];
  if (!turn) {
    answer();
    return;
  }
  if (turn.answer) return;
  turn.answer = answer;
  const queue = turn.queue;
  while (queue.length > 0 && queue[0]!.answer) queue.shift()!.answer!();
}

/**
 * Whether earlier requests of the connection are still unanswered (an answer now would wait).
 * @example mustWait(res) // false for the first request of a connection
 */
export const mustWait = (request: Request): boolean => request[TURN] !== undefined && request[TURN].queue[0] !== request[TURN];

/**
 * Requests of the connection whose answers have not run yet.
 * @example unanswered(socket) // 0 on an idle connection
 */
export const unanswered = (connection: Connection): number => connection[QUEUE]?.length ?? 0;
