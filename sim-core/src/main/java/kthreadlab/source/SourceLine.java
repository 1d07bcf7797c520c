// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

/** One displayed line: its real line number in the original file and its verbatim text. */
public final class SourceLine {
    private final int number;
    private final String text;

    public SourceLine(int number, String text) {
        this.number = number;
        this.text = text;
    }

    public int number() {
        return number;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return number + "\t" + text;
    }
}
