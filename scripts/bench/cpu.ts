// CPU time spent by the app server (its process tree) and by PostgreSQL's backends of one
// database, read from /proc (Linux). Per request, it tells the cost of a route apart from how
// busy the machine is, which wall-clock throughput on a shared box does not.
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** [ppid, cpu ms] of a process, or null once it has gone. */
function stat(pid: number): [number, number] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces), from field 3 (state) on.
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return [Number(f[1]), (Number(f[11]) + Number(f[12])) * TICK_MS];
  } catch {
    return null;
  }
}

const pids = () =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** CPU ms so far of `rootPid` and its descendants, and of the backends serving `database`. */
export function cpuSnapshot(rootPid: number, database: string): { server: number; db: number } {
  const all = pids();
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const pid of all) {
    const s = stat(pid);
    if (!s) continue;
    parent.set(pid, s[0]);
    cpu.set(pid, s[1]);
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, depth = 0; p && depth < 20; p = parent.get(p), depth++) {
      if (p === rootPid) return true;
    }
    return false;
  };
  const backend = new RegExp(`^postgres: (\\S+: )?\\S+ ${database} `);
  let server = 0;
  let db = 0;
  for (const [pid, ms] of cpu) {
    if (inTree(pid)) server += ms;
    // Backend titles read "postgres: [cluster: ]<user> <database> <client> <state>".
    else if (backend.test(cmdline(pid))) db += ms;
  }
  return { server, db };
}
