package kthreadlab.web;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
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
}
