// Live updates over server-sent events (/api/v1/stream). The browser's EventSource reconnects by
// itself; after a reconnect the caller reloads history to close the gap.

/**
 * Opens the stream. `handlers` maps event names ("stats", "alert", "ab-result", "profile") to
 * functions of the parsed JSON; `onState` receives "connecting", "live" or "reconnecting", and
 * `onReconnect` is called when the stream is live again after an interruption.
 */
export function openStream(url, handlers, onState, onReconnect) {
  const source = new EventSource(url);
  let interrupted = false;
  onState('connecting');
  source.addEventListener('open', () => {
    onState('live');
    if (interrupted) {
      interrupted = false;
      onReconnect();
    }
  });
  source.addEventListener('error', () => {
    interrupted = true;
    onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  });
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (error) {
        console.warn('tickwatch: ignoring a malformed ' + name + ' event', error);
        return;
      }
      handler(data);
    });
  }
  return source;
}
