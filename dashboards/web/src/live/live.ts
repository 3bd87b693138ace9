import { ref } from 'vue';

/** Bumped each time the projector's checkpoint moves: live views reload on it. */
export const liveTick = ref(0);
/** Whether the server-sent events are connected (the header's "Live" badge). */
export const liveConnected = ref(false);

let source: EventSource | null = null;
let lastCheckpoint: string | null = null;

/** One EventSource for the whole app; the browser reconnects it by itself after a drop. */
export function startLive(): void {
  if (source !== null || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/live');
  source.addEventListener('open', () => (liveConnected.value = true));
  source.addEventListener('error', () => (liveConnected.value = false));
  source.addEventListener('checkpoint', (event) => {
    const { checkpoint } = JSON.parse((event as MessageEvent<string>).data) as { checkpoint: string };
    // The first event only says where the projector is: the views loaded just now are current.
    if (lastCheckpoint !== null && checkpoint !== lastCheckpoint) liveTick.value += 1;
    lastCheckpoint = checkpoint;
  });
}

export function stopLive(): void {
  source?.close();
  source = null;
  lastCheckpoint = null;
  liveConnected.value = false;
}
