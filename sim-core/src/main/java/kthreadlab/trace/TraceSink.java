package kthreadlab.trace;

/** Where a machine sends its trace records. */
public interface TraceSink {
    void emit(TraceEvent e);

    TraceSink DISCARD = e -> { };
}
