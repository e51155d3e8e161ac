/**
 * Runs `run` once the page has loaded and the main thread is idle (at most ~2 s later), so
 * work the first screen does not need (pusher-js, the service worker's install) never competes
 * with the first render and hydration. A page whose load never completes (a stalled request)
 * still runs it after a few seconds. Returns a function that cancels a run not yet started.
 */
export function afterLoadAndIdle(run: () => void): () => void {
  let cancelled = false;
  let started = false;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const once = () => {
    if (cancelled || started) return;
    started = true;
    run();
  };
  const whenIdle = () => {
    if (cancelled) return;
    if (typeof window.requestIdleCallback === "function") {
      idle = window.requestIdleCallback(once, { timeout: 2000 });
    } else {
      timer = setTimeout(once, 1);
    }
  };
  const fallback = setTimeout(once, 5000);
  const onLoad = () => {
    clearTimeout(fallback);
    whenIdle();
  };
  if (document.readyState === "complete") onLoad();
  else window.addEventListener("load", onLoad, { once: true });
  return () => {
    cancelled = true;
    clearTimeout(fallback);
    window.removeEventListener("load", onLoad);
    if (idle !== undefined) window.cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}
