package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/** A block's children (rows or cards) kept in step with a list, rebuilding only those that changed. */
final class Rows {
    private Rows() {
    }

    /**
     * Brings a block's children in step with items, rebuilding only those `same` does not keep:
     * kids holds the block's children in order, as the pane appended them, built from drawn (null
     * when nothing is drawn yet).
     */
    static <T> void sync(HTMLElement block, List<HTMLElement> kids, List<T> drawn, List<T> items,
            BiPredicate<T, T> same, Function<T, HTMLElement> build) {
        int n = items.size();
        for (int i = 0; i < n; i++) {
            if (i < kids.size() && drawn != null && i < drawn.size() && same.test(drawn.get(i), items.get(i))) {
                continue;
            }
            HTMLElement e = build.apply(items.get(i));
            if (i < kids.size()) {
                block.replaceChild(e, kids.get(i));
                kids.set(i, e);
            } else {
                block.appendChild(e);
                kids.add(e);
            }
        }
        while (kids.size() > n) {
            block.removeChild(kids.remove(kids.size() - 1));
        }
    }

    /** Both lists have the same size and `same` holds at every index; a (what was drawn) may be null. */
    static <T> boolean same(List<T> a, List<T> b, BiPredicate<T, T> same) {
        if (a == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < b.size(); i++) {
            if (!same.test(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A row or card that updates itself in place to show an item of a snapshot: draw writes only
     * what differs from what the part shows (was, drawn from snapshot a; both null at first).
     */
    abstract static class Part<T> {
        final HTMLElement el;
        private T shown;
        private Snapshot from;

        Part(HTMLElement el) {
            this.el = el;
        }

        final void show(Snapshot s, T item) {
            T was = shown;
            Snapshot a = from;
            shown = item;
            from = s;
            draw(a, was, s, item);
        }

        abstract void draw(Snapshot a, T was, Snapshot s, T item);
    }

    /**
     * A block's parts by place, updated in place. Parts past the items' count are taken out of the
     * block but kept: a seek to where there are fewer items and back puts them back and updates
     * them, instead of building them again. The block holds nothing else, except the `none` line
     * alone while there are no items.
     */
    static final class Kept<T, P extends Part<T>> {
        private final HTMLElement block;
        private final Supplier<P> make;
        /** Shown alone while there are no items (null: the block is left empty). */
        private final HTMLElement none;
        private final List<P> parts = new ArrayList<>();
        /** The first `shown` parts are the block's children, in order. */
        private int shown;
        private boolean noneShown;

        /** `block` starts empty. */
        Kept(HTMLElement block, Supplier<P> make, HTMLElement none) {
            this.block = block;
            this.make = make;
            this.none = none;
        }

        void sync(Snapshot s, List<T> items) {
            int n = items.size();
            while (shown > n) {
                block.removeChild(parts.get(--shown).el);
            }
            boolean empty = n == 0 && none != null;
            if (empty != noneShown) {
                if (empty) {
                    block.appendChild(none);
                } else {
                    block.removeChild(none);
                }
                noneShown = empty;
            }
            for (int i = 0; i < n; i++) {
                if (i == parts.size()) {
                    parts.add(make.get());
                }
                if (i == shown) {
                    block.appendChild(parts.get(i).el);
                    shown++;
                }
                parts.get(i).show(s, items.get(i));
            }
        }
    }
}
