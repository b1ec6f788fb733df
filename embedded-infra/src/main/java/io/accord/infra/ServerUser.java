package io.accord.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The OS user PostgreSQL runs as. initdb and postgres refuse to run as root, and CI machines and
 * containers often are root, so as root we drop to uid/gid 65534 (nobody) with util-linux's setpriv
 * and hand the data directory to that uid.
 */
final class ServerUser {

    static final int UNPRIVILEGED_ID = 65534;

    private final boolean root;

    private ServerUser(boolean root) {
        this.root = root;
    }

    static ServerUser current() {
        try {
            return new ServerUser((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0);
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc or no unix view: fall back to the name, which is what non-Linux systems offer
            return new ServerUser("root".equals(System.getProperty("user.name")));
        }
    }

    boolean isRoot() {
        return root;
    }

    /** The command, run as the unprivileged user when we are root. */
    List<String> command(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(setpriv(), "--reuid=" + UNPRIVILEGED_ID,
                "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives a directory tree to the server user (chown -R), so postgres may write it. */
    void own(Path directory) {
        if (!root) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot chown " + directory + " to " + UNPRIVILEGED_ID, e);
        }
    }

    /** Whether the path already belongs to the server user (or we are not root and need no change). */
    boolean owns(Path path) {
        try {
            return !root || (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) == UNPRIVILEGED_ID;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the owner of " + path, e);
        }
    }

    /**
     * Whether the server user can walk down to {@code directory}: every existing ancestor must grant
     * it execute permission. A directory under /root (mode 700) fails this.
     */
    boolean canReach(Path directory) {
        if (!root) {
            return true;
        }
        for (Path path = directory.toAbsolutePath().normalize(); path != null; path = path.getParent()) {
            if (Files.isDirectory(path) && !traversable(path)) {
                return false;
            }
        }
        return true;
    }

    private static boolean traversable(Path directory) {
        try {
            int mode = (Integer) Files.getAttribute(directory, "unix:mode");
            int uid = (Integer) Files.getAttribute(directory, "unix:uid");
            int gid = (Integer) Files.getAttribute(directory, "unix:gid");
            if (uid == UNPRIVILEGED_ID) {
                return (mode & 0100) != 0;
            }
            return gid == UNPRIVILEGED_ID ? (mode & 0010) != 0 : (mode & 0001) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + directory, e);
        }
    }

    private static String setpriv() {
        for (String candidate : List.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("running as root, PostgreSQL must run as another user, and setpriv "
                + "(util-linux) is missing: install util-linux or run as a non-root user");
    }
}
