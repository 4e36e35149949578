/** The touch model is remembered on this device (localStorage: it is a setting, not data), and a link carries it too. */
import { cleanModel, type TouchModel } from '$lib/overview/touchModel';

export const TOUCH_MODEL_KEY = 'cadence.touchModel.v1';

export function loadTouchModel(storage: Pick<Storage, 'getItem'> | null = typeof localStorage === 'undefined' ? null : localStorage): TouchModel {
  try {
    return cleanModel(JSON.parse(storage?.getItem(TOUCH_MODEL_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

export function saveTouchModel(model: TouchModel, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = typeof localStorage === 'undefined' ? null : localStorage): void {
  try {
    if (Object.keys(model).length) storage?.setItem(TOUCH_MODEL_KEY, JSON.stringify(model));
    else storage?.removeItem(TOUCH_MODEL_KEY);
  } catch {
    // Storage full or refused (private mode): the model still applies to this page and its link.
  }
}
