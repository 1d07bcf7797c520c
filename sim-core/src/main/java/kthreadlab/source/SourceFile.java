// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One corpus file: excerpts of a kernel file (or our sample code) with real line numbers.
 * Format: header lines starting with "# " first, then one "NUMBER TAB TEXT" line per source
 * line in strictly increasing order; a gap in the numbers is a fold.
 */
public final class SourceFile {
    private final String path;
    private final String version;
    private final List<SourceLine> lines;
    private final List<FunctionSpan> functions;

    private SourceFile(String path, String version, List<SourceLine> lines) {
        this.path = path;
        this.version = version;
        this.lines = Collections.unmodifiableList(lines);
        this.functions = Collections.unmodifiableList(deriveFunctions(path, lines));
    }

    /**
     * Parses the text lines of one corpus file.
     *
     * @throws IllegalArgumentException naming the file and line when the format is broken
     */
    public static SourceFile parse(String path, List<String> raw) {
        List<SourceLine> lines = new ArrayList<>();
        String version = null;
        int last = 0;
        for (int i = 0; i < raw.size(); i++) {
            String l = raw.get(i);
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("#") && !Character.isDigit(l.charAt(0))) {
                if (!lines.isEmpty()) {
                    throw new IllegalArgumentException(path + ": header line after source lines at line " + (i + 1));
                }
                String h = l.startsWith("# ") ? l.substring(2) : l.substring(1);
                if (h.startsWith("version:")) {
                    version = h.substring("version:".length()).trim();
                }
                continue;
            }
            int tab = l.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException(path + ": line " + (i + 1) + " is not NUMBER<TAB>TEXT");
            }
            int n;
            try {
                n = Integer.parseInt(l.substring(0, tab));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + ": line " + (i + 1) + " has a bad line number '"
                        + l.substring(0, tab) + "'");
            }
            if (n <= last) {
                throw new IllegalArgumentException(path + ": line number " + n + " does not increase (after " + last + ")");
            }
            last = n;
            lines.add(new SourceLine(n, l.substring(tab + 1)));
        }
        if (version == null) {
            throw new IllegalArgumentException(path + ": missing '# version:' header");
        }
        return new SourceFile(path, version, lines);
    }

    public String path() {
        return path;
    }

    public String version() {
        return version;
    }

    public List<SourceLine> lines() {
        return lines;
    }

    public List<FunctionSpan> functions() {
        return functions;
    }

    /** The text of real line {@code line}, or null when that line is folded away or absent. */
    public String text(int line) {
        int lo = 0;
        int hi = lines.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int n = lines.get(mid).number();
            if (n == line) {
                return lines.get(mid).text();
            }
            if (n < line) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /**
     * The definition whose key is {@code name} ("kthread" is the function, "struct kthread" the
     * struct); failing that, the first definition with that bare name; null if none.
     */
    public FunctionSpan function(String name) {
        for (FunctionSpan f : functions) {
            if (f.key().equals(name)) {
                return f;
            }
        }
        for (FunctionSpan f : functions) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The innermost definition that contains real line {@code line}, or null. */
    public FunctionSpan functionAt(int line) {
        FunctionSpan best = null;
        for (FunctionSpan f : functions) {
            if (f.contains(line) && (best == null || f.firstLine() >= best.firstLine())) {
                best = f;
            }
        }
        return best;
    }

    // ---- definition detection -------------------------------------------------------------

    private static List<FunctionSpan> deriveFunctions(String path, List<SourceLine> lines) {
        List<FunctionSpan> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String t = lines.get(i).text();
            if (t.startsWith("#define ")) {
                int end = i;
                while (end + 1 < lines.size() && lines.get(end).text().endsWith("\\")) {
                    end++;
                }
                String def = t.substring("#define ".length());
                String name = leadingIdentifier(def);
                boolean hasBody = def.substring(name.length()).trim().length() > 0;
                if (!name.isEmpty() && hasBody) {
                    out.add(new FunctionSpan(path, "macro", name, lines.get(i).number(), lines.get(end).number()));
                }
                i = end + 1;
                continue;
            }
            if (!startsDeclaration(t)) {
                i++;
                continue;
            }
            int open = findOpeningBrace(lines, i);
            if (open < 0) {
                i++;
                continue;
            }
            String[] kindAndName = definitionName(lines, i, open);
            int close = -1;
            for (int k = open + 1; k < lines.size(); k++) {
                if (lines.get(k).text().startsWith("}")) {
                    close = k;
                    break;
                }
            }
            if (kindAndName == null || close < 0) {
                i++;
                continue;
            }
            out.add(new FunctionSpan(path, kindAndName[0], kindAndName[1], lines.get(i).number(),
                    lines.get(close).number()));
            i = close + 1;
        }
        return out;
    }

    private static boolean startsDeclaration(String t) {
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        if (!(Character.isLetter(c) || c == '_')) {
            return false;
        }
        String s = t.trim();
        return !s.endsWith(";") && !s.endsWith(":");
    }

    /** Index of the line that opens the body ("{" at column 0, or a line ending in "{"); -1 if none. */
    private static int findOpeningBrace(List<SourceLine> lines, int from) {
        for (int k = from; k < lines.size() && k < from + 12; k++) {
            String s = lines.get(k).text();
            String trimmed = s.trim();
            if (k > from && lines.get(k).number() != lines.get(k - 1).number() + 1) {
                return -1;
            }
            if (trimmed.endsWith("{")) {
                if (trimmed.endsWith("= {") || trimmed.endsWith("={")) {
                    return -1;
                }
                return k;
            }
            if (trimmed.endsWith(";") || trimmed.isEmpty()) {
                return -1;
            }
        }
        return -1;
    }

    private static String[] definitionName(List<SourceLine> lines, int from, int open) {
        String withParen = null;
        for (int k = from; k <= open; k++) {
            String s = lines.get(k).text();
            if (!s.isEmpty() && !Character.isWhitespace(s.charAt(0)) && s.indexOf('(') > 0
                    && !isLockAnnotation(s)) {
                withParen = s;
            }
        }
        if (withParen != null) {
            String n = trailingIdentifier(withParen.substring(0, withParen.indexOf('(')));
            return n.isEmpty() ? null : new String[] {"function", n};
        }
        String first = lines.get(from).text().trim();
        String[] words = splitWords(first);
        for (int w = 0; w + 1 < words.length; w++) {
            if (words[w].equals("struct") || words[w].equals("enum") || words[w].equals("union")) {
                String n = leadingIdentifier(words[w + 1]);
                return n.isEmpty() ? null : new String[] {words[w], n};
            }
        }
        return null;
    }

    /** Sparse lock annotations after a signature ("__releases(&pool->lock)") name no definition. */
    private static boolean isLockAnnotation(String s) {
        return s.startsWith("__releases(") || s.startsWith("__acquires(") || s.startsWith("__must_hold(");
    }

    private static String[] splitWords(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j > i) {
                out.add(s.substring(i, j));
            }
            i = j;
        }
        return out.toArray(new String[0]);
    }

    static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String leadingIdentifier(String s) {
        int j = 0;
        while (j < s.length() && isIdentChar(s.charAt(j))) {
            j++;
        }
        return s.substring(0, j);
    }

    private static String trailingIdentifier(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && isIdentChar(s.charAt(start - 1))) {
            start--;
        }
        return s.substring(start, end);
    }
}
