package dev.kindling.apply;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The target system's root directory, and the only writer of the applier. Every target path is
 * absolute in the target system and is resolved under the root one component at a time: a symbolic
 * link is followed as the target system would see it (an absolute link target is read relative to
 * the root), a link whose target climbs above the root is refused, and the last component of a
 * write is never followed (the write replaces it). Writes are atomic (temporary file in the same
 * directory, fsync, owner and mode, rename, directory fsync) and skipped when nothing would change.
 * Below a user's home no symbolic link is followed at all ({@link #home}).
 */
public final class RootFs {
  private static final int MAX_LINKS = 40;

  private final Path root;
  private final OwnerPolicy owners;
  private final Set<List<String>> swept = ConcurrentHashMap.newKeySet();

  /** A root directory; {@code owners} says whether owners are set or only recorded. */
  public RootFs(Path root, OwnerPolicy owners) {
    this.root = root.toAbsolutePath().normalize();
    this.owners = owners;
  }

  /** The root directory on the host. */
  public Path root() {
    return root;
  }

  /** Whether owners are set or only recorded. */
  public OwnerPolicy owners() {
    return owners;
  }

  /**
   * Whether the root is the host's {@code /}, however it is spelled (a link to it, {@code
   * /proc/self/root}): {@link HostRoot}.
   */
  public boolean isHostRoot() {
    return HostRoot.is(root);
  }

  /**
   * The content of a file, following symbolic links inside the root; empty when it (or a parent
   * directory) does not exist.
   */
  public Optional<byte[]> read(String target) throws IOException {
    try (Located at = locate(TargetPath.components(target), true, Optional.empty())) {
      return at.dir().readRegular(at.name());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Whether something exists at the target (links inside the root followed). */
  public boolean exists(String target) throws IOException {
    try (Located at = locate(TargetPath.components(target), true, Optional.empty())) {
      return at.dir().lstat(at.name()).isPresent();
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /**
   * Writes a file atomically, creating missing parents 0755; nothing is written when the file
   * already has these bytes, mode and owner.
   */
  public WriteOutcome write(String target, byte[] content, int mode, Ids owner) throws IOException {
    try (Located at = locate(TargetPath.components(target), false, Optional.of(DirSpec.PARENTS))) {
      return at.dir().write(at.name(), content, mode, owner);
    }
  }

  /**
   * Appends to a file: the old content plus {@code content} is written atomically (never in place).
   * When the file already ends with {@code content} and has the mode and owner, nothing is written,
   * so applying the same config again does not append again.
   */
  public WriteOutcome append(String target, byte[] content, int mode, Ids owner)
      throws IOException {
    return append(target, new byte[0], content, content, mode, owner);
  }

  /**
   * One append of a group of appends to the same file, the group applied as one block: {@code
   * content} is added unless the file already ends with the whole group ({@code group}: every
   * append to this file, in order) or with the appends up to and including this one ({@code before}
   * followed by {@code content}). So a second run adds nothing, and a run stopped between two
   * appends (each is an atomic replace) is completed by the next one without repeating any.
   */
  public WriteOutcome append(
      String target, byte[] before, byte[] content, byte[] group, int mode, Ids owner)
      throws IOException {
    try (Located at = locate(TargetPath.components(target), false, Optional.of(DirSpec.PARENTS))) {
      byte[] old = at.dir().readRegular(at.name()).orElse(new byte[0]);
      byte[] next = old;
      if (!endsWith(old, group) && !endsWith(old, concat(before, content))) {
        next = concat(old, content);
      }
      return at.dir().write(at.name(), next, mode, owner);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static boolean endsWith(byte[] data, byte[] suffix) {
    if (suffix.length > data.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (data[data.length - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes the target a symbolic link to {@code linkTarget} (e.g. a mask to {@code /dev/null}),
   * replacing a file there; returns false when it already was that link.
   */
  public boolean symlink(String target, String linkTarget) throws IOException {
    try (Located at = locate(TargetPath.components(target), false, Optional.of(DirSpec.PARENTS))) {
      return at.dir().symlink(at.name(), linkTarget);
    }
  }

  /** What {@link #removeIfMask} did. */
  public enum Unmask {
    ABSENT,
    REMOVED,
    REFUSED
  }

  /**
   * Removes a runtime mask (coreos-cloudinit's UnmaskUnit): the entry is removed when it is a link
   * to {@code /dev/null}, or (following links inside the root) an empty regular file or a character
   * device; anything else is left in place.
   */
  public Unmask removeIfMask(String target) throws IOException {
    List<String> components = TargetPath.components(target);
    try (Located at = locate(components, false, Optional.empty())) {
      Optional<BasicFileAttributes> attrs = at.dir().lstat(at.name());
      if (attrs.isEmpty()) {
        return Unmask.ABSENT;
      }
      boolean mask;
      if (attrs.get().isSymbolicLink()) {
        mask = at.dir().readLink(at.name()).equals("/dev/null") || isNullOrEmpty(components);
      } else {
        mask = isNullOrEmpty(attrs.get());
      }
      if (!mask) {
        return Unmask.REFUSED;
      }
      at.dir().delete(at.name());
      return Unmask.REMOVED;
    } catch (NoSuchFileException e) {
      return Unmask.ABSENT;
    }
  }

  private boolean isNullOrEmpty(List<String> components) throws IOException {
    try (Located at = locate(components, true, Optional.empty())) {
      Optional<BasicFileAttributes> attrs = at.dir().lstat(at.name());
      return attrs.isPresent() && isNullOrEmpty(attrs.get());
    } catch (FileSystemException e) {
      return false; // missing, a loop, or a link out of the root: not a mask
    }
  }

  private static boolean isNullOrEmpty(BasicFileAttributes attrs) {
    return (attrs.isRegularFile() && attrs.size() == 0) || attrs.isOther();
  }

  /**
   * The host path of a target, its parent directories created 0755; for programs that need a path
   * (a script run by systemd, the lock file).
   */
  public Path hostPath(String target) throws IOException {
    try (Located at = locate(TargetPath.components(target), false, Optional.of(DirSpec.PARENTS))) {
      return at.dir().hostPath(at.name());
    }
  }

  /**
   * Opens a user's home directory (created with {@code spec} when missing, parents 0755). The
   * home's own path is resolved like any other; below it, {@link Home} follows no symbolic link,
   * because the user owns those directories and could have planted one.
   */
  public Home home(String target, DirSpec spec) throws IOException {
    List<String> components = TargetPath.components(target);
    Located at = locate(components, true, Optional.of(DirSpec.PARENTS));
    try {
      Optional<BasicFileAttributes> attrs = at.dir().lstat(at.name());
      if (attrs.isEmpty()) {
        at.dir().mkdir(at.name(), spec);
      }
      return new Home(at.dir().child(at.name()));
    } finally {
      at.close();
    }
  }

  /** A user's home directory: every operation below it refuses symbolic links. */
  public static final class Home implements AutoCloseable {
    private final RootDirectory dir;

    Home(RootDirectory dir) {
      this.dir = dir;
    }

    RootDirectory directory() {
      return dir;
    }

    @Override
    public void close() throws IOException {
      dir.close();
    }
  }

  /** A directory entry: the open directory holding it and its name. */
  private record Located(RootDirectory dir, String name) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      dir.close();
    }
  }

  /**
   * Resolves {@code components} to the open directory that holds the last one. Links in directory
   * components are followed inside the root; the last component is followed only when {@code
   * followLast}. Missing directories are created with {@code create}, else {@link
   * NoSuchFileException}.
   */
  private Located locate(List<String> components, boolean followLast, Optional<DirSpec> create)
      throws IOException {
    Deque<String> pending = new ArrayDeque<>(components);
    RootDirectory cur = openRoot();
    int links = 0;
    try {
      while (true) {
        String name = pending.removeFirst();
        if (name.equals("..")) {
          if (cur.components().isEmpty()) {
            throw new FileSystemException(
                TargetPath.join(components), null, "a symbolic link points outside the root");
          }
          List<String> up = cur.components().subList(0, cur.components().size() - 1);
          RootDirectory parent = reopen(up);
          cur.close();
          cur = parent;
          if (pending.isEmpty()) {
            throw new FileSystemException(TargetPath.join(components) + " is a directory");
          }
          continue;
        }
        boolean last = pending.isEmpty();
        Optional<BasicFileAttributes> attrs = cur.lstat(name);
        if (attrs.isPresent() && attrs.get().isSymbolicLink() && (!last || followLast)) {
          if (++links > MAX_LINKS) {
            throw new FileSystemException(
                TargetPath.join(components), null, "too many levels of symbolic links");
          }
          String link = cur.readLink(name);
          List<String> linked = TargetPath.linkComponents(link);
          for (int i = linked.size() - 1; i >= 0; i--) {
            pending.addFirst(linked.get(i));
          }
          if (link.startsWith("/")) {
            cur.close();
            cur = openRoot();
          }
          if (pending.isEmpty()) {
            throw new FileSystemException(cur.target(name) + " is a link to the root directory");
          }
          continue;
        }
        if (last) {
          return new Located(cur, name);
        }
        if (attrs.isEmpty()) {
          if (create.isEmpty()) {
            throw new NoSuchFileException(cur.target(name));
          }
          cur.mkdir(name, create.get());
        } else if (!attrs.get().isDirectory() && !attrs.get().isSymbolicLink()) {
          throw new NotDirectoryException(cur.target(name) + " is not a directory");
        }
        RootDirectory next = cur.child(name);
        cur.close();
        cur = next;
      }
    } catch (IOException | RuntimeException e) {
      cur.close();
      throw e;
    }
  }

  private RootDirectory openRoot() throws IOException {
    return new RootDirectory(RootDirectory.open(root), root, List.of(), owners, swept);
  }

  /** Opens a directory known to contain no links, checking again that none was swapped in. */
  private RootDirectory reopen(List<String> components) throws IOException {
    RootDirectory cur = openRoot();
    try {
      for (String c : new ArrayList<>(components)) {
        RootDirectory next = cur.child(c);
        cur.close();
        cur = next;
      }
      return cur;
    } catch (IOException | RuntimeException e) {
      cur.close();
      throw e;
    }
  }
}
