package kthreadlab.scenario;

/**
 * The bytes of a scenario file, before they are JSON: the size limit (checked before reading) and
 * the encoding. The command line and the page both use this class, so a file is accepted or refused
 * by both with the same message (docs/scenario-files.md). UTF-8 only; a leading UTF-8 byte-order mark
 * is tolerated and dropped.
 */
public final class ScenarioFile {
    /** The largest scenario file, in bytes (256 KiB: far more than the largest valid scenario needs). */
    public static final int MAX_BYTES = 256 * 1024;

    private ScenarioFile() {
    }

    /** Refuses a file of {@code size} bytes before it is read. */
    public static void checkSize(long size) throws ScenarioException {
        if (size > MAX_BYTES) {
            throw new ScenarioException("", "the file is " + size + " bytes; a scenario file is at most "
                + MAX_BYTES + " bytes (256 KiB)");
        }
    }

    /** The text of a file: strict UTF-8, a leading byte-order mark dropped. */
    public static String decode(byte[] b) throws ScenarioException {
        checkSize(b.length);
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3;
        } else if (b.length >= 2 && ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe
                || (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)) {
            throw new ScenarioException("", "the file is UTF-16 text; save it as UTF-8");
        }
        StringBuilder sb = new StringBuilder(b.length);
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
            if (n < 0) {
                throw notUtf8(b, i);
            }
            int cp = n == 0 ? c : c & (0x3f >> n);
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) {
                    throw notUtf8(b, i);
                }
                cp = cp << 6 | (b[i + k] & 0x3f);
            }
            boolean overlong = n == 2 && cp < 0x800 || n == 3 && cp < 0x10000;
            if (overlong || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
                throw notUtf8(b, i);
            }
            sb.appendCodePoint(cp);
            i += n + 1;
        }
        return sb.toString();
    }

    private static ScenarioException notUtf8(byte[] b, int at) {
        String hex = Integer.toHexString(b[at] & 0xff).toUpperCase();
        return new ScenarioException("", "byte " + at + " (0x" + (hex.length() < 2 ? "0" : "") + hex
            + ") is not UTF-8; a scenario file is UTF-8 text");
    }

    /** Reads a scenario file's bytes: size, encoding, then {@link ScenarioJson#read}. */
    public static Scenario read(byte[] b) throws ScenarioException {
        return ScenarioJson.read(decode(b));
    }
}
