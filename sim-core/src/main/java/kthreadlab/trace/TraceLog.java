package kthreadlab.trace;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps every record, in order. */
public final class TraceLog implements TraceSink {
    public final List<TraceEvent> events = new ArrayList<>();

    @Override
    public void emit(TraceEvent e) {
        events.add(e);
    }
}
