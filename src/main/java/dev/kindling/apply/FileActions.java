package dev.kindling.apply;

import dev.kindling.plan.Action;
import dev.kindling.plan.EnvironmentFileMerge;
import dev.kindling.plan.MergeEnvironmentFile;
import dev.kindling.plan.MergeUpdateConf;
import dev.kindling.plan.UpdateConfMerge;
import dev.kindling.plan.WriteEtcHosts;
import dev.kindling.plan.WriteFile;
import dev.kindling.value.OneLine;
import dev.kindling.value.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file actions: write_files entries (owner resolved against the root), the environment and
 * update.conf merges (read through the root, written only when changed), and {@code /etc/hosts}. An
 * append is done once per instance: the {@link InstanceRecord} notes it, and a later boot of the
 * same instance leaves the file alone even if it was changed since.
 */
final class FileActions {
  private static final Logger LOG = LoggerFactory.getLogger(FileActions.class);
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  private final RootFs fs;
  private final Accounts accounts;
  private final UnitFiles units;
  private final InstanceRecord record;

  /** The hostname set earlier in this run, "" if none. */
  private String hostname = "";

  /** Per path, the contents of every append to it in the plan, in order. */
  private final Map<String, List<byte[]>> appends = new HashMap<>();

  /** Per path, how many of its appends were applied so far in this run. */
  private final Map<String, Integer> appended = new HashMap<>();

  FileActions(RootFs fs, Accounts accounts, UnitFiles units, InstanceRecord record) {
    this.record = record;
    this.fs = fs;
    this.accounts = accounts;
    this.units = units;
  }

  /** Notes the appends of the plan, so each file's appends are applied as one block. */
  void expectAppends(List<Action> actions) {
    for (Action a : actions) {
      if (a instanceof WriteFile f && f.append()) {
        appends.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f.content().toByteArray());
      }
    }
  }

  /** Remembers the hostname set in this run, for {@code /etc/hosts}. */
  void hostnameSet(String name) {
    hostname = name;
  }

  StepOutcome writeFile(WriteFile f) throws IOException {
    LOG.info("Writing file to \"{}\"", OneLine.escape(f.path()));
    Ids owner;
    List<String> notes = new ArrayList<>();
    try {
      owner = accounts.owner(f.owner());
    } catch (IOException e) {
      if (fs.owners() == OwnerPolicy.SET) {
        throw e;
      }
      owner = Ids.none();
    }
    if (!f.owner().isEmpty() && fs.owners() == OwnerPolicy.RECORD) {
      notes.add("owner " + f.owner() + " recorded, not set");
    }
    byte[] content = f.content().toByteArray();
    // The n-th append to a path with this content: two equal appends are two records.
    String onceKey =
        "append " + f.path() + " " + appended.getOrDefault(f.path(), 0) + " " + Sha256.hex(content);
    if (f.append() && record.has(onceKey)) {
      appended.merge(f.path(), 1, Integer::sum);
      return StepOutcome.unchanged("appended already for instance " + record.instanceId());
    }
    WriteOutcome w =
        f.append() ? append(f, content, owner) : fs.write(f.path(), content, f.mode(), owner);
    if (f.append()) {
      record.add(onceKey);
    }
    if (w.changed()) {
      LOG.info("Wrote file to \"{}\"", OneLine.escape(f.path()));
      units.noteWrite(f.path());
    }
    StepOutcome outcome = StepOutcome.written(w);
    for (String note : notes) {
      outcome = outcome.withNote(note);
    }
    return outcome;
  }

  private WriteOutcome append(WriteFile f, byte[] content, Ids owner) throws IOException {
    List<byte[]> group = appends.getOrDefault(f.path(), List.of(content));
    int index = appended.merge(f.path(), 1, Integer::sum) - 1;
    ByteArrayOutputStream before = new ByteArrayOutputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < group.size(); i++) {
      if (i < index) {
        before.writeBytes(group.get(i));
      }
      all.writeBytes(group.get(i));
    }
    return fs.append(f.path(), before.toByteArray(), content, all.toByteArray(), f.mode(), owner);
  }

  StepOutcome mergeEnvironment(MergeEnvironmentFile m) throws IOException {
    Optional<String> current = fs.read(m.path()).map(b -> new String(b, UTF8));
    Optional<String> merged = EnvironmentFileMerge.merge(current, m.variables());
    if (merged.isEmpty()) {
      return StepOutcome.unchanged();
    }
    WriteOutcome w = fs.write(m.path(), merged.get().getBytes(UTF8), 0644, Ids.none());
    LOG.info("Updated {}", m.path());
    return StepOutcome.written(w);
  }

  StepOutcome mergeUpdateConf(MergeUpdateConf m) throws IOException {
    Optional<byte[]> current = fs.read(m.path());
    // Upstream read the host's files whatever the root; this reads the root's
    // (docs/compatibility.md#updateconf-is-read-from-the-root).
    byte[] base = current.isPresent() ? current.get() : fs.read(m.basePath()).orElse(new byte[0]);
    String merged = UpdateConfMerge.merge(new String(base, UTF8), m.variables());
    if (current.isPresent() && merged.equals(new String(current.get(), UTF8))) {
      return StepOutcome.unchanged();
    }
    return StepOutcome.written(fs.write(m.path(), merged.getBytes(UTF8), 0644, Ids.none()));
  }

  StepOutcome writeEtcHosts(WriteEtcHosts h) throws IOException {
    String current = h.hostname().isEmpty() ? currentHostname() : "";
    String note = null;
    if (h.hostname().isEmpty() && current.isEmpty()) {
      // A root without /etc/hostname (render into an empty directory): systemd's fallback name.
      current = "localhost";
      note = "no hostname set or found under the root; used localhost";
    }
    byte[] content = h.content(current).getBytes(UTF8);
    StepOutcome outcome = StepOutcome.written(fs.write(h.path(), content, 0644, Ids.none()));
    return note == null ? outcome : outcome.withNote(note);
  }

  /** The hostname set earlier in this run, else the root's (or, for /, the kernel's). */
  private String currentHostname() throws IOException {
    if (!hostname.isEmpty()) {
      return hostname;
    }
    if (fs.isHostRoot()) {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        return Files.readString(kernel, UTF8).strip();
      }
    }
    return fs.read("/etc/hostname").map(b -> new String(b, UTF8).strip()).orElse("");
  }
}
