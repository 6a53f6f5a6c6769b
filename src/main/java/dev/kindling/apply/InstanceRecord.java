package dev.kindling.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What already ran once for this instance: the one record behind every once-per-instance action
 * ({@code runcmd} commands, {@code write_files} appends). It lives in {@code
 * /var/lib/kindling/instances/ID/done} (0600, one key per line: a kind, a place and a digest, never
 * a command or content); a new instance id starts an empty record, and {@code kindling clean}
 * forgets every record.
 */
public final class InstanceRecord {
  /** Where the per-instance state lives under the root. */
  public static final String STATE_DIR = "/var/lib/kindling";

  private final RootFs fs;
  private final String instanceId;
  private final Set<String> done;

  private InstanceRecord(RootFs fs, String instanceId, Set<String> done) {
    this.fs = fs;
    this.instanceId = instanceId;
    this.done = done;
  }

  /**
   * The record of {@code instanceId} (a safe path segment, see {@link #isSafeId}) under the root.
   */
  public static InstanceRecord load(RootFs fs, String instanceId) throws IOException {
    Objects.requireNonNull(fs, "fs");
    if (!isSafeId(instanceId)) {
      throw new IllegalArgumentException("not a safe instance id: " + instanceId);
    }
    Set<String> done = new LinkedHashSet<>();
    fs.read(file(instanceId))
        .ifPresent(
            bytes -> {
              for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isEmpty()) {
                  done.add(line);
                }
              }
            });
    return new InstanceRecord(fs, instanceId, done);
  }

  /** A record that keeps nothing (render, tests): every action counts as not yet done. */
  public static InstanceRecord none() {
    return new InstanceRecord(null, "", new LinkedHashSet<>());
  }

  /** Whether {@code id} can name a directory: 1 to 128 of {@code [A-Za-z0-9._-]}, not dots only. */
  public static boolean isSafeId(String id) {
    return id != null && id.matches("[A-Za-z0-9._-]{1,128}") && !id.chars().allMatch(c -> c == '.');
  }

  /** The record file of an instance, relative to the root. */
  public static String file(String instanceId) {
    return STATE_DIR + "/instances/" + instanceId + "/done";
  }

  /** The instance this record belongs to ("" for {@link #none()}). */
  public String instanceId() {
    return instanceId;
  }

  /** Whether {@code key} already ran for this instance. */
  public boolean has(String key) {
    return done.contains(key);
  }

  /** Records that {@code key} ran (written at once, atomically). */
  public void add(String key) throws IOException {
    if (key.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a record key is one line");
    }
    if (!done.add(key) || fs == null) {
      return;
    }
    fs.write(
        file(instanceId),
        (String.join("\n", done) + "\n").getBytes(StandardCharsets.UTF_8),
        0600,
        Ids.none());
  }
}
