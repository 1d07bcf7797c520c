package kthreadlab.format;

/** The errno values the simulated paths return, and their names. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EBUSY = 16;
    public static final int EINVAL = 22;
    public static final int ENOSYS = 38;

    private Errno() {
    }

    /** "-EINTR" for -4; other negatives as numbers. */
    public static String name(long negErrno) {
        switch ((int) -negErrno) {
            case EPERM: return "-EPERM";
            case ENOENT: return "-ENOENT";
            case EINTR: return "-EINTR";
            case EAGAIN: return "-EAGAIN";
            case ENOMEM: return "-ENOMEM";
            case EBUSY: return "-EBUSY";
            case EINVAL: return "-EINVAL";
            case ENOSYS: return "-ENOSYS";
            default: return Long.toString(negErrno);
        }
    }
}
