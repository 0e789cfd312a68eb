import { readdirSync, readFileSync } from 'node:fs';

/*
 * The private memory of an extension's renderer process, read the way Chromium reads it for
 * its own "memory footprint" on Linux (RssAnon + VmSwap of /proc/<pid>/status). An extension's
 * service worker and its pages (side panel, popup) share one process, the one Chromium starts
 * with --extension-process; each browser of the bench loads a single extension, so that
 * process is the extension's alone. Linux only: elsewhere the figure is left unmeasured.
 */

interface Proc {
  pid: number;
  ppid: number;
  /** The command line, arguments separated by spaces (Chromium rewrites its own as one string). */
  args: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = ` ${readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ')} `;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, args });
    } catch {
      // The process ended while the list was read.
    }
  }
  return out;
}

/** The extension renderer processes of the browser that loaded `extensionDir`. */
export function extensionProcesses(extensionDir: string): number[] {
  const all = processes();
  const browser = all.find(
    (p) => p.args.includes(` --load-extension=${extensionDir} `) && !p.args.includes(' --type='),
  );
  if (!browser) return [];
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child.args.includes(' --type=renderer ') && child.args.includes(' --extension-process '))
        found.push(child.pid);
      walk(child.pid);
    }
  };
  walk(browser.pid);
  return found;
}

/** Private memory footprint of a process, in bytes (RssAnon + VmSwap). */
export function privateFootprint(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  const anon = kb('RssAnon');
  if (!Number.isFinite(anon)) throw new Error(`no RssAnon in /proc/${pid}/status`);
  return (anon + (kb('VmSwap') || 0)) * 1024;
}

export const canReadProcesses = (): boolean => {
  try {
    readFileSync('/proc/self/status', 'utf8');
    return true;
  } catch {
    return false;
  }
};
