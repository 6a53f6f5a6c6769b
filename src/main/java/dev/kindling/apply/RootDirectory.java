package dev.kindling.apply;

import dev.kindling.trace.StartupTrace;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One open directory inside the root. Every operation is relative to the open directory ({@code
 * openat}-style through {@link SecureDirectoryStream}) and never follows a symbolic link in the
 * last component, so a link swapped in by another user cannot redirect a write.
 */
final class RootDirectory implements Closeable {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final String TEMP_MARKER = ".kindling-";

  private final SecureDirectoryStream<Path> stream;
  private final Path hostPath;
  private final List<String> components;
  private final OwnerPolicy owners;
  private final EntryAttributes attributes;
  private final Set<List<String>> swept;

  /**
   * An open directory; {@code swept} holds the directories of this run whose stale temporary files
   * were already removed (shared by every directory a {@link RootFs} opens).
   */
  RootDirectory(
      SecureDirectoryStream<Path> stream,
      Path hostPath,
      List<String> components,
      OwnerPolicy owners,
      Set<List<String>> swept) {
    this.stream = stream;
    this.hostPath = hostPath;
    this.components = List.copyOf(components);
    this.owners = owners;
    this.attributes = new EntryAttributes(stream, hostPath, owners);
    this.swept = swept;
  }

  /** Opens {@code dir} (following links in its own path) as a secure directory stream. */
  @SuppressWarnings("StreamResourceLeak") // returned open: the caller owns and closes it
  static SecureDirectoryStream<Path> open(Path dir) throws IOException {
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir);
    if (ds instanceof SecureDirectoryStream<Path> secure) {
      return secure;
    }
    ds.close();
    throw new IOException(
        "failed to open " + dir + ": the file system cannot open directories safely");
  }

  /** The target-system path of this directory, e.g. {@code /etc}. */
  String target() {
    return components.isEmpty() ? "/" : TargetPath.join(components);
  }

  /** The target-system path of an entry. */
  String target(String name) {
    List<String> all = new ArrayList<>(components);
    all.add(name);
    return TargetPath.join(all);
  }

  List<String> components() {
    return components;
  }

  /** The host path of an entry (for messages and external programs). */
  Path hostPath(String name) {
    return hostPath.resolve(name);
  }

  private Path rel(String name) {
    return hostPath.getFileSystem().getPath(name);
  }

  /** The entry's own attributes (a link is not followed), or empty when it does not exist. */
  Optional<BasicFileAttributes> lstat(String name) throws IOException {
    try {
      return Optional.of(
          stream
              .getFileAttributeView(rel(name), BasicFileAttributeView.class, NOFOLLOW)
              .readAttributes());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The text of a symbolic link entry. */
  String readLink(String name) throws IOException {
    return Files.readSymbolicLink(hostPath.resolve(name)).toString();
  }

  /** Opens a child directory without following a link. */
  RootDirectory child(String name) throws IOException {
    SecureDirectoryStream<Path> s;
    try {
      s = stream.newDirectoryStream(rel(name), NOFOLLOW);
    } catch (NotDirectoryException e) {
      throw new NotDirectoryException(target(name) + " is not a directory");
    } catch (FileSystemException e) {
      if (lstat(name).map(BasicFileAttributes::isSymbolicLink).orElse(false)) {
        throw new FileSystemException(target(name) + " is a symbolic link");
      }
      throw e;
    }
    List<String> next = new ArrayList<>(components);
    next.add(name);
    return new RootDirectory(s, hostPath.resolve(name), next, owners, swept);
  }

  /**
   * Opens a child directory below a user's home, creating it with {@code spec} when missing; a
   * symbolic link there is refused, never followed.
   */
  RootDirectory subdirectory(String name, DirSpec spec) throws IOException {
    Optional<BasicFileAttributes> attrs = lstat(name);
    if (attrs.isPresent() && attrs.get().isSymbolicLink()) {
      throw new FileSystemException(
          target(name), null, "refusing to follow a symbolic link in a home directory");
    }
    if (attrs.isEmpty()) {
      mkdir(name, spec);
    }
    return child(name);
  }

  /**
   * Creates a child directory with exactly {@code spec}'s mode and owner; returns false when
   * something already exists there (created concurrently).
   */
  boolean mkdir(String name, DirSpec spec) throws IOException {
    try {
      Files.createDirectory(hostPath.resolve(name));
    } catch (FileAlreadyExistsException e) {
      return false;
    }
    attributes.setOwner(name, spec.owner(), Optional.empty());
    attributes.setMode(name, spec.mode());
    sync();
    return true;
  }

  /** The content of a regular file entry, or empty when absent. */
  Optional<byte[]> readRegular(String name) throws IOException {
    Optional<BasicFileAttributes> attrs = lstat(name);
    if (attrs.isEmpty()) {
      return Optional.empty();
    }
    if (!attrs.get().isRegularFile()) {
      throw new FileSystemException(target(name) + " is not a regular file");
    }
    try (SeekableByteChannel ch =
        stream.newByteChannel(rel(name), Set.of(StandardOpenOption.READ, NOFOLLOW))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(ch.size(), 1 << 20));
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      while (ch.read(buffer) > 0) {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
      return Optional.of(out.toByteArray());
    }
  }

  /** The names in this directory, sorted. */
  List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    try (SecureDirectoryStream<Path> again = stream.newDirectoryStream(rel("."), NOFOLLOW)) {
      for (Path p : again) {
        names.add(p.getFileName().toString());
      }
    }
    names.sort(null);
    return names;
  }

  /**
   * Writes {@code content} to {@code name} atomically: a temporary file in this directory is
   * written, synced, given its owner and then its mode (chown clears setuid bits), and renamed over
   * the entry; the directory is synced. Nothing is written when the entry is a regular file with
   * the same bytes, mode and (when owners are set) owner.
   */
  WriteOutcome write(String name, byte[] content, int mode, Ids owner) throws IOException {
    removeStaleTemps();
    Optional<BasicFileAttributes> attrs = lstat(name);
    if (attrs.isPresent() && attrs.get().isDirectory()) {
      throw new FileSystemException(target(name) + " is a directory");
    }
    if (attrs.isPresent()
        && attrs.get().isRegularFile()
        && attrs.get().size() == content.length
        && attributes.sameMetadata(name, mode, owner)
        && Arrays.equals(readRegular(name).orElseThrow(), content)) {
      return WriteOutcome.unchanged();
    }
    // A partial owner (user only, group only) keeps the other id of the file it replaces.
    Optional<PosixFileAttributes> replaced = Optional.empty();
    if (attrs.isPresent() && attrs.get().isRegularFile() && !owner.isNone()) {
      replaced = Optional.of(attributes.posix(name));
    }
    String temp = tempName(name);
    List<String> notes = new ArrayList<>();
    try {
      Set<OpenOption> options =
          Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
      try (SeekableByteChannel ch =
          stream.newByteChannel(
              rel(temp),
              options,
              PosixFilePermissions.asFileAttribute(EntryAttributes.permissions(0600)))) {
        CrashPoints.boundary("temporary file created for " + target(name));
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        if (ch instanceof FileChannel fc) {
          long start = StartupTrace.start();
          fc.force(true);
          StartupTrace.end("fsync: file", start);
        }
      }
      CrashPoints.boundary("temporary file written for " + target(name));
      attributes.setOwner(temp, owner, replaced);
      attributes.setMode(temp, mode).ifPresent(notes::add);
      CrashPoints.boundary("before renaming over " + target(name));
      stream.move(rel(temp), stream, rel(name));
      CrashPoints.boundary("after renaming over " + target(name));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
    sync();
    return new WriteOutcome(true, notes);
  }

  /**
   * Makes {@code name} a symbolic link to {@code linkTarget}, replacing what is there atomically;
   * returns false when it already is exactly that link.
   */
  boolean symlink(String name, String linkTarget) throws IOException {
    removeStaleTemps();
    Optional<BasicFileAttributes> attrs = lstat(name);
    if (attrs.isPresent() && attrs.get().isSymbolicLink() && readLink(name).equals(linkTarget)) {
      return false;
    }
    if (attrs.isPresent() && attrs.get().isDirectory()) {
      throw new FileSystemException(target(name) + " is a directory");
    }
    String temp = tempName(name);
    Files.createSymbolicLink(hostPath.resolve(temp), hostPath.getFileSystem().getPath(linkTarget));
    try {
      CrashPoints.boundary("before renaming a link over " + target(name));
      stream.move(rel(temp), stream, rel(name));
      CrashPoints.boundary("after renaming a link over " + target(name));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
    sync();
    return true;
  }

  /** Removes a non-directory entry. */
  void delete(String name) throws IOException {
    stream.deleteFile(rel(name));
    sync();
  }

  private void deleteQuietly(String name) {
    try {
      stream.deleteFile(rel(name));
    } catch (IOException | RuntimeException ignored) {
      // The temporary file may not exist; the original error is what matters.
    }
  }

  /**
   * Removes the temporary files an earlier run left in this directory when it was killed between
   * creating and renaming one ({@link #tempName}: {@code .NAME.kindling-HEX}), whatever name they
   * were for, so a file this run no longer writes leaves nothing behind either. Done once per
   * directory and run, before its first write (also one that finds nothing to change); runs hold
   * the lock, so no other writer owns such a file.
   */
  private void removeStaleTemps() throws IOException {
    if (!swept.add(components)) {
      return;
    }
    for (String entry : list()) {
      if (isTempName(entry)) {
        deleteQuietly(entry);
      }
    }
  }

  /** Whether {@code entry} has the form of {@link #tempName}'s names. */
  static boolean isTempName(String entry) {
    int marker = entry.lastIndexOf(TEMP_MARKER);
    if (!entry.startsWith(".") || marker < 1) {
      return false;
    }
    String random = entry.substring(marker + TEMP_MARKER.length());
    return !random.isEmpty()
        && random.length() <= 16
        && random.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  private static String tempName(String name) {
    String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    String base = name.length() > 200 ? "" : name;
    return "." + base + TEMP_MARKER + random;
  }

  /** Flushes the directory entry changes to disk (a no-op where directories cannot be synced). */
  void sync() throws IOException {
    if (!hostPath.getFileSystem().equals(FileSystems.getDefault())) {
      return; // in-memory file systems (tests) have nothing to flush
    }
    try (SeekableByteChannel ch =
        stream.newByteChannel(rel("."), Set.of(StandardOpenOption.READ))) {
      if (ch instanceof FileChannel fc) {
        long start = StartupTrace.start();
        fc.force(true);
        StartupTrace.end("fsync: directory", start);
      }
    }
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
