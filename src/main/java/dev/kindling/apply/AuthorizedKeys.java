package dev.kindling.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Installs SSH keys the way {@code update-ssh-keys -a NAME} does, without the tool: the keys go to
 * {@code ~/.ssh/authorized_keys.d/NAME} and {@code ~/.ssh/authorized_keys} is regenerated from all
 * fragments in name order. A pre-existing {@code authorized_keys} is kept as the fragment {@code
 * orig_authorized_keys} when the directory is first created; an empty fragment means "disabled" and
 * is not overwritten. Directories are 0700 and files 0600, owned by the user; nothing below the
 * home follows a symbolic link.
 */
final class AuthorizedKeys {
  static final String PRESERVED = "orig_authorized_keys";
  private static final String DIR = "authorized_keys.d";
  private static final String FILE = "authorized_keys";

  private final RootFs fs;

  AuthorizedKeys(RootFs fs) {
    this.fs = fs;
  }

  /** Installs {@code keys} under {@code name} for the user; returns what changed. */
  WriteOutcome authorize(Accounts.Account user, String name, List<String> keys) throws IOException {
    if (name.isEmpty() || name.startsWith(".") || name.contains("/")) {
      throw new IOException("illegal key name \"" + name + "\"");
    }
    Ids ids = user.ids();
    DirSpec privateDir = new DirSpec(0700, ids);
    boolean changed = false;
    List<String> notes = new ArrayList<>();
    try (RootFs.Home home = fs.home(user.home(), privateDir);
        RootDirectory ssh = home.directory().subdirectory(".ssh", privateDir)) {
      Optional<byte[]> preserved = Optional.empty();
      if (ssh.lstat(DIR).isEmpty() && isRegular(ssh, FILE)) {
        preserved = ssh.readRegular(FILE);
      }
      try (RootDirectory fragments = ssh.subdirectory(DIR, privateDir)) {
        if (preserved.isPresent() && preserved.get().length > 0) {
          changed |= fragments.write(PRESERVED, preserved.get(), 0600, ids).changed();
          notes.add("kept the existing authorized_keys as " + DIR + "/" + PRESERVED);
        }
        Optional<BasicFileAttributes> existing = fragments.lstat(name);
        if (existing.isPresent() && existing.get().isRegularFile() && existing.get().size() == 0) {
          throw new IOException(
              "keys named \""
                  + name
                  + "\" are disabled (empty "
                  + DIR
                  + "/"
                  + name
                  + "); delete that file to allow them");
        }
        changed |= fragments.write(name, fragment(keys), 0600, ids).changed();
        changed |= ssh.write(FILE, combined(fragments), 0600, ids).changed();
      }
    }
    return new WriteOutcome(changed, notes);
  }

  private static boolean isRegular(RootDirectory dir, String name) throws IOException {
    return dir.lstat(name).map(BasicFileAttributes::isRegularFile).orElse(false);
  }

  /** One key per line, trimmed, duplicates and blank lines dropped. */
  static byte[] fragment(List<String> keys) {
    Set<String> unique = new LinkedHashSet<>();
    for (String key : keys) {
      for (String line : key.split("\n", -1)) {
        if (!line.strip().isEmpty()) {
          unique.add(line.strip());
        }
      }
    }
    StringBuilder out = new StringBuilder();
    unique.forEach(k -> out.append(k).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every enabled fragment's keys, fragments in name order. */
  private static byte[] combined(RootDirectory fragments) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String n : fragments.list()) {
      if (n.startsWith(".") || !isRegular(fragments, n)) {
        continue;
      }
      String text = new String(fragments.readRegular(n).orElseThrow(), StandardCharsets.UTF_8);
      for (String line : text.split("\n", -1)) {
        if (!line.strip().isEmpty()) {
          out.append(line.strip()).append('\n');
        }
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
