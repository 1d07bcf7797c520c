// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

/**
 * A definition in a corpus file: a function, struct, enum or macro, from its first
 * definition line to its closing line (inclusive), in real line numbers.
 */
public final class FunctionSpan {
    private final String file;
    private final String kind;
    private final String name;
    private final int firstLine;
    private final int lastLine;

    public FunctionSpan(String file, String name, int firstLine, int lastLine) {
        this(file, "function", name, firstLine, lastLine);
    }

    /** @param kind "function", "macro", "struct", "enum" or "union" */
    public FunctionSpan(String file, String kind, String name, int firstLine, int lastLine) {
        this.file = file;
        this.kind = kind;
        this.name = name;
        this.firstLine = firstLine;
        this.lastLine = lastLine;
    }

    /** "function", "macro", "struct", "enum" or "union". */
    public String kind() {
        return kind;
    }

    /**
     * The name used in annotation keys and anchors: the bare name for functions and macros,
     * "struct NAME" / "enum NAME" / "union NAME" for types (kernel/kthread.c has both
     * struct kthread and the function kthread()).
     */
    public String key() {
        return kind.equals("function") || kind.equals("macro") ? name : kind + " " + name;
    }

    public String file() {
        return file;
    }

    public String name() {
        return name;
    }

    public int firstLine() {
        return firstLine;
    }

    public int lastLine() {
        return lastLine;
    }

    public boolean contains(int line) {
        return line >= firstLine && line <= lastLine;
    }

    @Override
    public String toString() {
        return file + ":" + name + "[" + firstLine + "-" + lastLine + "]";
    }
}
