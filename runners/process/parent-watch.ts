/**
 * `npx lambda-eic ...` runs us as npm -> sh -> node. A SIGTERM to npx kills npm and the shell but
 * never reaches node, which would go on running the suite (and leave what it created). Launched by
 * npm, we watch our parent: when it goes away, we send ourselves SIGTERM, so the command's own
 * clean stop runs (delete what the run created, report, exit 143).
 */

/** How often the parent is checked (ms): cheap (one getppid) and prompt enough for a CI cancel. */
const PARENT_CHECK_MS = 250;

/**
 * Starts watching when launched through npm (`npm_command` is set: npx, npm exec, npm run).
 * @example watchParentWhenLaunchedByNpm(); // in main()
 */
export function watchParentWhenLaunchedByNpm(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.npm_command) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }, PARENT_CHECK_MS);
  timer.unref();
}
