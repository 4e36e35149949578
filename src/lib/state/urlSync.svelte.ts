/**
 * The view in the link: the URL fragment follows the view (each change is a history entry, so Back and
 * Forward move between views), and a fragment opened or navigated to sets the view. The fragment is never
 * sent to a server and holds view settings only.
 */
import { pushState, replaceState } from '$app/navigation';
import { decodeView, encodeView } from './urlState';
import type { ViewState } from './view.svelte';

const here = () => location.pathname + location.search;
const withFragment = (fragment: string) => (fragment ? `#${fragment}` : here());

export class UrlSync {
  /** Set when a link's fragment could not be read (the default view is shown instead). */
  notice = $state<string | null>(null);
  /** The fragment the view stands for now, so our own writes are not read back. */
  #current: string | null = null;
  #readSeq = 0;
  #writeSeq = 0;
  /** Reads in flight: the view is about to change, so it is not written meanwhile. */
  #reading = 0;

  constructor(private view: ViewState) {
    $effect(() => {
      const read = () => void this.#read();
      read();
      // Back, Forward, or a fragment typed or pasted into the address bar.
      window.addEventListener('popstate', read);
      window.addEventListener('hashchange', read);
      return () => {
        window.removeEventListener('popstate', read);
        window.removeEventListener('hashchange', read);
      };
    });
    $effect(() => {
      const shared = view.shared();
      const seq = ++this.#writeSeq;
      void encodeView(shared).then((fragment) => {
        if (seq !== this.#writeSeq || this.#reading > 0 || fragment === this.#current) return;
        this.#current = fragment;
        this.notice = null;
        pushState(withFragment(fragment), {});
      });
    });
  }

  async #read(): Promise<void> {
    const hash = location.hash.replace(/^#/, '');
    if (hash === this.#current) return;
    const seq = ++this.#readSeq;
    this.#reading++;
    try {
      const { view: v, notice } = await decodeView(hash);
      if (seq !== this.#readSeq) return; // a newer fragment arrived meanwhile
      // The address shows the view as it is now (a damaged fragment gives way to the default view's).
      this.#current = await encodeView(v);
      if (this.#current !== hash) replaceState(withFragment(this.#current), {});
      this.notice = notice;
      this.view.apply(v);
    } finally {
      this.#reading--;
    }
  }
}
