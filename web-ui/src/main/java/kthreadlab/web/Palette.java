package kthreadlab.web;

/**
 * Task colours: the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies),
 * combined with a fill pattern once the seven colours are used up, and always shown with the
 * task's name. Idle tasks (swapper/N) are grey. Task ids are assigned in creation order, so a
 * task keeps its colour at every step.
 */
final class Palette {
    static final String[] COLORS = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"};
    /** Text colour on each of COLORS with a contrast of at least 4.5:1 (WCAG AA). */
    static final String[] INK = {"#000", "#000", "#000", "#000", "#fff", "#000", "#000"};
    static final String IDLE = "#9a9a9a";
    static final String[] PATTERNS = {"solid", "stripes", "dots"};

    private Palette() {
    }

    /** Colour slot of a task (-1 for idle tasks): 0.. in creation order after the idle tasks. */
    static int slot(int taskId, int cpus, boolean idle) {
        return idle ? -1 : Math.max(0, taskId - cpus);
    }

    static String color(int slot) {
        return slot < 0 ? IDLE : COLORS[slot % COLORS.length];
    }

    static String ink(int slot) {
        return slot < 0 ? "#000" : INK[slot % COLORS.length];
    }

    /** 0 solid, 1 stripes, 2 dots. */
    static int pattern(int slot) {
        return slot < 0 ? 0 : (slot / COLORS.length) % PATTERNS.length;
    }

    /** style() of the idle slot and of each colour and pattern, made once (every chip asks for one). */
    private static final String[] STYLES = new String[1 + COLORS.length * PATTERNS.length];

    /** Inline style for a chip or swatch in this slot's colour and pattern. */
    static String style(int slot) {
        int k = slot < 0 ? 0 : 1 + slot % (COLORS.length * PATTERNS.length);
        String s = STYLES[k];
        if (s == null) {
            s = makeStyle(slot);
            STYLES[k] = s;
        }
        return s;
    }

    private static String makeStyle(int slot) {
        StringBuilder sb = new StringBuilder("background-color:").append(color(slot)).append(";color:")
            .append(ink(slot)).append(';');
        int p = pattern(slot);
        if (p == 1) {
            sb.append("background-image:repeating-linear-gradient(135deg,rgba(0,0,0,.6) 0 2px,transparent 2px 4px);");
            sb.append("background-size:.6em 100%;background-repeat:no-repeat;");
        } else if (p == 2) {
            sb.append("background-image:radial-gradient(circle,rgba(0,0,0,.7) 1.3px,transparent 1.8px);");
            sb.append("background-size:.6em .6em;background-repeat:repeat-y;");
        }
        if (p > 0) {
            sb.append("border-left:.6em solid transparent;background-origin:border-box;");
        }
        return sb.toString();
    }
}
