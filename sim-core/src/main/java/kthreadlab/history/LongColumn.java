package kthreadlab.history;

/** A growable column of longs stored in fixed-size chunks: appending never copies what is stored. */
final class LongColumn {
    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private long[][] chunks = new long[8][];
    private int size;

    void add(long v) {
        int c = size >>> SHIFT;
        if (c == chunks.length) {
            long[][] more = new long[chunks.length * 2][];
            System.arraycopy(chunks, 0, more, 0, chunks.length);
            chunks = more;
        }
        if (chunks[c] == null) {
            chunks[c] = new long[CHUNK];
        }
        chunks[c][size & MASK] = v;
        size++;
    }

    long get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of " + size);
        }
        return chunks[i >>> SHIFT][i & MASK];
    }

    /** Replaces the last value. */
    void setLast(long v) {
        chunks[(size - 1) >>> SHIFT][(size - 1) & MASK] = v;
    }

    int size() {
        return size;
    }
}
