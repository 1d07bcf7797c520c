// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notes shown beside the source, in one language. Resource
 * {@code kthreadlab/source/annotations/LANG.txt}; its format is described at the top of the file:
 *
 * <pre>
 * == FILE | FUNCTION                 a purpose note for a function
 * -- FILE | FUNCTION | LINE TEXT     a note on one line (its text trimmed, never its number)
 * </pre>
 *
 * Each header is followed by the note's text lines, up to the next header. Lines starting with
 * '#' are comments.
 */
public final class Annotations {
    public static final String ROOT = "kthreadlab/source/annotations/";

    private final String lang;
    private final Map<String, String> purposes;
    private final Map<Anchor, String> notes;

    private Annotations(String lang, Map<String, String> purposes, Map<Anchor, String> notes) {
        this.lang = lang;
        this.purposes = purposes;
        this.notes = notes;
    }

    /** Loads "zh" or "en". */
    public static Annotations load(String lang) {
        if (!"zh".equals(lang) && !"en".equals(lang)) {
            throw new IllegalArgumentException("unknown annotation language '" + lang + "' (use zh or en)");
        }
        return parse(lang, Corpus.readResource(ROOT + lang + ".txt"));
    }

    /** Parses annotation text; throws IllegalArgumentException naming the line on a malformed header or duplicate key. */
    public static Annotations parse(String lang, List<String> raw) {
        Map<String, String> purposes = new LinkedHashMap<>();
        Map<Anchor, String> notes = new LinkedHashMap<>();
        String pendingPurpose = null;
        Anchor pendingNote = null;
        List<String> body = new ArrayList<>();
        for (int i = 0; i <= raw.size(); i++) {
            String l = i < raw.size() ? raw.get(i) : null;
            boolean header = l != null && (l.startsWith("== ") || l.startsWith("-- "));
            if (l == null || header) {
                String text = join(body);
                if (pendingPurpose != null) {
                    if (purposes.put(pendingPurpose, text) != null) {
                        throw new IllegalArgumentException(lang + ".txt: duplicate key " + pendingPurpose);
                    }
                } else if (pendingNote != null) {
                    if (notes.put(pendingNote, text) != null) {
                        throw new IllegalArgumentException(lang + ".txt: duplicate key " + pendingNote.key());
                    }
                }
                pendingPurpose = null;
                pendingNote = null;
                body.clear();
                if (l == null) {
                    break;
                }
                String rest = l.substring(3);
                int a = rest.indexOf(" | ");
                if (a < 0) {
                    throw new IllegalArgumentException(lang + ".txt line " + (i + 1) + ": expected 'FILE | FUNCTION'");
                }
                String file = rest.substring(0, a).trim();
                String after = rest.substring(a + 3);
                if (l.startsWith("== ")) {
                    pendingPurpose = file + " | " + after.trim();
                } else {
                    int b = after.indexOf(" | ");
                    if (b < 0) {
                        throw new IllegalArgumentException(lang + ".txt line " + (i + 1)
                                + ": expected 'FILE | FUNCTION | LINE TEXT'");
                    }
                    pendingNote = new Anchor(file, after.substring(0, b).trim(), after.substring(b + 3));
                }
                continue;
            }
            if (l.startsWith("#")) {
                continue;
            }
            if (pendingPurpose != null || pendingNote != null) {
                body.add(l);
            } else if (!l.trim().isEmpty()) {
                throw new IllegalArgumentException(lang + ".txt line " + (i + 1) + ": text before any header");
            }
        }
        return new Annotations(lang, Collections.unmodifiableMap(purposes), Collections.unmodifiableMap(notes));
    }

    private static String join(List<String> body) {
        int s = 0;
        int e = body.size();
        while (s < e && body.get(s).trim().isEmpty()) {
            s++;
        }
        while (e > s && body.get(e - 1).trim().isEmpty()) {
            e--;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = s; k < e; k++) {
            if (k > s) {
                sb.append('\n');
            }
            sb.append(body.get(k));
        }
        return sb.toString();
    }

    public String lang() {
        return lang;
    }

    /** The purpose note of a function, or null. */
    public String purpose(String file, String function) {
        return purposes.get(file + " | " + function);
    }

    /** The note on one line, or null. */
    public String note(Anchor anchor) {
        return notes.get(anchor);
    }

    /** Every line anchor that has a note, in file order. */
    public List<Anchor> noteAnchors() {
        return Collections.unmodifiableList(new ArrayList<>(notes.keySet()));
    }

    /** Every "FILE | FUNCTION" that has a purpose note, in file order. */
    public List<String> purposeKeys() {
        return Collections.unmodifiableList(new ArrayList<>(purposes.keySet()));
    }

    /** All keys ("FILE | FUNCTION" and "FILE | FUNCTION | TEXT"), purposes first, each in file order. */
    public Set<String> keys() {
        Set<String> out = new LinkedHashSet<>(purposes.keySet());
        for (Anchor a : notes.keySet()) {
            out.add(a.key());
        }
        return Collections.unmodifiableSet(out);
    }
}
