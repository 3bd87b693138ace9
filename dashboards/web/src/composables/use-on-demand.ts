import { shallowRef, type ShallowRef } from 'vue';

export interface OnDemand<T> {
  /** What `load` gave, once it has; null before. */
  readonly loaded: Readonly<ShallowRef<T | null>>;
  /** The person reached for it (a press, a tap, the keyboard's focus): load it, unless loading or loaded. */
  readonly reachFor: () => Promise<void>;
  /** The person moved on (the stand-in lost the focus) before it was loaded. */
  readonly letGo: () => void;
  /**
   * Whether the person is still reaching for it now that it is loaded, asked once when it is
   * mounted: only then does it take the focus and open. A slow load must not pull the focus back
   * from wherever the person has gone meanwhile.
   */
  readonly stillWanted: () => boolean;
}

/**
 * Something loaded when the person reaches for it (AsOfPicker, decision 0047). A load that fails
 * (the network dropped, a new deployment removed the old chunk) is forgotten, so the next reach
 * tries again instead of leaving a control that never opens.
 */
export function useOnDemand<T>(load: () => Promise<T>): OnDemand<T> {
  const loaded = shallowRef<T | null>(null);
  let loading: Promise<void> | null = null;
  let wanted = false;
  return {
    loaded,
    reachFor() {
      wanted = true;
      loading ??= load().then(
        (value) => {
          loaded.value = value;
        },
        () => {
          loading = null;
          wanted = false;
        },
      );
      return loading;
    },
    letGo() {
      if (loaded.value === null) wanted = false;
    },
    stillWanted() {
      const still = wanted;
      wanted = false;
      return still;
    },
  };
}
