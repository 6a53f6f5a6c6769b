package dev.kindling.plan;

import dev.kindling.config.CheckedConfig;
import dev.kindling.config.User;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.metadata.Metadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hostname and the {@code core} user's SSH keys, which the plan sets first so that a machine
 * whose config fails later is still reachable (Flatcar's order, coreos/bugs#74).
 *
 * <p>Hostname: the first part whose cloud-config sets {@code hostname} wins, verbatim (the user
 * asked for exactly that name, FQDN or not); else the metadata hostname, shortened to its first
 * label and to 63 bytes, because platforms hand out FQDNs such as {@code ip-10-0-0-5.ec2.internal}
 * that make poor static hostnames (coreos/bugs#1272, Flatcar PR #32). No hostname, or an empty
 * first label, sets nothing.
 *
 * <p>Core keys: every part's {@code ssh_authorized_keys}, then every part's {@code
 * users[name=core].ssh_authorized_keys}, then the metadata keys in the platform's order; each key
 * trimmed, empty ones dropped, duplicates dropped (first occurrence kept). One action installs them
 * all, so a {@code core} entry under {@code users} no longer overwrites the top-level keys under
 * the same key name as it did upstream. A hostname, key or {@code core} user the analysis rejected
 * is left out.
 */
public final class Reachability {
  /** The user that gets the top-level keys. */
  public static final String CORE = "core";

  /** Linux allows 64 bytes; 63 keeps the name a valid DNS label. */
  static final int MAX_HOSTNAME_BYTES = 63;

  private Reachability() {}

  /** The hostname to set, if any. */
  public static Optional<String> hostname(List<CheckedConfig> configs, Metadata metadata) {
    for (CheckedConfig checked : configs) {
      String hostname = checked.config().hostname();
      if (!hostname.isEmpty() && checked.accepts(ConfigPath.of("hostname"))) {
        return Optional.of(hostname);
      }
    }
    return metadata.hostname().map(Reachability::shorten).filter(h -> !h.isEmpty());
  }

  /**
   * The first label of a hostname, cut to 63 bytes of UTF-8 on a character boundary; one pass over
   * the label, so a hostile 10 MB name costs no more than reading it.
   */
  static String shorten(String hostname) {
    String label = hostname.strip();
    int dot = label.indexOf('.');
    if (dot >= 0) {
      label = label.substring(0, dot);
    }
    int bytes = 0;
    int end = 0;
    while (end < label.length()) {
      int codePoint = label.codePointAt(end);
      bytes += utf8Length(codePoint);
      if (bytes > MAX_HOSTNAME_BYTES) {
        break;
      }
      end += Character.charCount(codePoint);
    }
    return label.substring(0, end);
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }

  /** The core user's keys: union of all parts and metadata, deterministic order. */
  public static List<String> coreKeys(List<CheckedConfig> configs, Metadata metadata) {
    Set<String> keys = new LinkedHashSet<>();
    for (CheckedConfig checked : configs) {
      addAll(keys, accepted(checked, checked.config().sshAuthorizedKeys(), ConfigPath.root()));
    }
    for (CheckedConfig checked : configs) {
      List<User> users = checked.config().users();
      for (int i = 0; i < users.size(); i++) {
        ConfigPath entry = ConfigPath.of("users", i);
        if (users.get(i).name().equals(CORE) && checked.accepts(entry)) {
          addAll(keys, accepted(checked, users.get(i).sshAuthorizedKeys(), entry));
        }
      }
    }
    addAll(keys, metadata.sshPublicKeys().values());
    return List.copyOf(keys);
  }

  /**
   * The keys of the list {@code ssh_authorized_keys} under {@code owner} that were not rejected.
   */
  private static List<String> accepted(CheckedConfig checked, List<String> keys, ConfigPath owner) {
    List<String> out = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      if (checked.accepts(owner.key("ssh_authorized_keys").index(i))) {
        out.add(keys.get(i));
      }
    }
    return out;
  }

  /** Keys trimmed as {@code update-ssh-keys} input, without empty ones. */
  static List<String> clean(List<String> keys) {
    Set<String> out = new LinkedHashSet<>();
    addAll(out, keys);
    return List.copyOf(out);
  }

  private static void addAll(Set<String> out, Iterable<String> keys) {
    for (String key : keys) {
      String trimmed = key.strip();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
  }
}
