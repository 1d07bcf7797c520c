// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import java.util.Objects;

/**
 * One source line named by its file, its enclosing function and its text
 * (trimmed of leading and trailing whitespace), never by its line number.
 * When the same text occurs more than once in a function, {@code occurrence} (1-based,
 * in line order) picks one; 0 means "the text must be unique in the function".
 * In keys the occurrence is written as a trailing " @N".
 */
public final class Anchor {
    private final String file;
    private final String function;
    private final String text;
    private final int occurrence;

    /** An anchor; a text ending in " @N" (N a positive number) selects the N-th occurrence. */
    public Anchor(String file, String function, String text) {
        this.file = Objects.requireNonNull(file, "file");
        this.function = Objects.requireNonNull(function, "function");
        String t = Objects.requireNonNull(text, "text").trim();
        int occ = 0;
        int at = t.lastIndexOf(" @");
        if (at > 0 && at + 2 < t.length()) {
            boolean digits = true;
            for (int i = at + 2; i < t.length(); i++) {
                digits &= Character.isDigit(t.charAt(i));
            }
            if (digits) {
                occ = Integer.parseInt(t.substring(at + 2));
                t = t.substring(0, at).trim();
            }
        }
        this.text = t;
        this.occurrence = occ;
    }

    public Anchor(String file, String function, String text, int occurrence) {
        this.file = Objects.requireNonNull(file, "file");
        this.function = Objects.requireNonNull(function, "function");
        this.text = Objects.requireNonNull(text, "text").trim();
        if (occurrence < 0) {
            throw new IllegalArgumentException("occurrence must be >= 0: " + occurrence);
        }
        this.occurrence = occurrence;
    }

    public String file() {
        return file;
    }

    public String function() {
        return function;
    }

    public String text() {
        return text;
    }

    /** 0 when the text must be unique in its function, else which occurrence (1-based). */
    public int occurrence() {
        return occurrence;
    }

    /** The key used in annotation files: {@code file | function | text}. */
    public String key() {
        return file + " | " + function + " | " + text + (occurrence > 0 ? " @" + occurrence : "");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Anchor)) {
            return false;
        }
        Anchor a = (Anchor) o;
        return file.equals(a.file) && function.equals(a.function) && text.equals(a.text)
                && occurrence == a.occurrence;
    }

    @Override
    public int hashCode() {
        return ((file.hashCode() * 31 + function.hashCode()) * 31 + text.hashCode()) * 31 + occurrence;
    }

    @Override
    public String toString() {
        return key();
    }
}
