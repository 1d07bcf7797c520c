package kthreadlab.web;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kthreadlab.scenario.JsonText;

/**
 * The scenario form as typed, valid or not: the machine fields, each action's fields and the
 * what-ifs the form carries along. Stored as {"draft":1,"machine":[…],"actions":[[…],…],"whatIf":[…]}
 * so that an unfinished edit outlives a link, a preset or a reload until the reader drops it.
 */
final class Draft {
    static final int VERSION = 1;
    /** The machine fields, in stored order. */
    static final String[] MACHINE = {"title", "cpus", "nohz_full", "boot", "preempt", "hz", "until"};
    /** Where drafts of older builds held the seed field (it never changed a run): dropped on reading. */
    private static final int OLD_SEED = 6;

    final List<String> machine;
    final List<List<String>> actions;
    final List<String> whatIf;

    Draft(List<String> machine, List<List<String>> actions, List<String> whatIf) {
        this.machine = Collections.unmodifiableList(new ArrayList<>(machine));
        List<List<String>> a = new ArrayList<>();
        for (List<String> r : actions) {
            a.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        this.actions = Collections.unmodifiableList(a);
        this.whatIf = Collections.unmodifiableList(new ArrayList<>(whatIf));
    }

    String write() {
        StringBuilder sb = new StringBuilder("{\"draft\":").append(VERSION).append(",\"machine\":");
        strings(sb, machine);
        sb.append(",\"actions\":[");
        for (int i = 0; i < actions.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            strings(sb, actions.get(i));
        }
        sb.append("],\"whatIf\":");
        strings(sb, whatIf);
        return sb.append('}').toString();
    }

    private static void strings(StringBuilder sb, List<String> list) {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            JsonText.append(sb, list.get(i));
        }
        sb.append(']');
    }

    /** Reads a stored draft; null if it is not one this build wrote (then it is kept aside, untouched). */
    static Draft read(String text) {
        try {
            JsonReader r = new JsonReader(new StringReader(text));
            r.setStrictness(Strictness.STRICT);
            long version = -1;
            List<String> machine = null;
            List<List<String>> actions = null;
            List<String> whatIf = Collections.emptyList();
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                if (name.equals("draft")) {
                    version = r.nextLong();
                } else if (name.equals("machine")) {
                    machine = strings(r);
                } else if (name.equals("actions")) {
                    actions = new ArrayList<>();
                    r.beginArray();
                    while (r.hasNext()) {
                        List<String> row = strings(r);
                        if (row.size() != ScenarioEditor.ACTION_FIELDS.length) {
                            return null;
                        }
                        actions.add(row);
                    }
                    r.endArray();
                } else if (name.equals("whatIf")) {
                    whatIf = strings(r);
                } else {
                    return null;
                }
            }
            r.endObject();
            if (machine != null && machine.size() == MACHINE.length + 1) {
                machine.remove(OLD_SEED);
            }
            if (r.peek() != JsonToken.END_DOCUMENT || version != VERSION || machine == null
                || machine.size() != MACHINE.length || actions == null) {
                return null;
            }
            return new Draft(machine, actions, whatIf);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> strings(JsonReader r) throws IOException {
        List<String> out = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
            if (r.peek() != JsonToken.STRING) {
                throw new IOException("not a string");
            }
            out.add(r.nextString());
        }
        r.endArray();
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Draft && ((Draft) o).write().equals(write());
    }

    @Override
    public int hashCode() {
        return write().hashCode();
    }
}
