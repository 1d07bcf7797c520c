package kthreadlab.history;

/** A growable column of ints stored in fixed-size chunks: appending never copies what is stored. */
final class IntColumn {
    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private int[][] chunks = new int[8][];
    private int size;

    void add(int v) {
        int c = size >>> SHIFT;
        if (c == chunks.length) {
            int[][] more = new int[chunks.length * 2][];
            System.arraycopy(chunks, 0, more, 0, chunks.length);
            chunks = more;
        }
        if (chunks[c] == null) {
            chunks[c] = new int[CHUNK];
        }
        chunks[c][size & MASK] = v;
        size++;
    }

    int get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of " + size);
        }
        return chunks[i >>> SHIFT][i & MASK];
    }

    /** Replaces the last value. */
    void setLast(int v) {
        chunks[(size - 1) >>> SHIFT][(size - 1) & MASK] = v;
    }

    int size() {
        return size;
    }
}
