package dev.kindling.apply;

import dev.kindling.plan.MaskUnit;
import dev.kindling.plan.UnmaskUnit;
import dev.kindling.value.OneLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unit files, drop-ins and masks under the root, where coreos-cloudinit put them, and whether any
 * of them changed in this run (a daemon-reload is needed only then).
 */
final class UnitFiles {
  private static final Logger LOG = LoggerFactory.getLogger(UnitFiles.class);
  private static final List<String> UNIT_DIRS =
      List.of("/etc/systemd/", "/run/systemd/", "/usr/lib/systemd/", "/lib/systemd/");

  private final RootFs fs;
  private boolean changed;

  UnitFiles(RootFs fs) {
    this.fs = fs;
  }

  /** Whether a unit file, drop-in or mask changed in this run. */
  boolean changedAny() {
    return changed;
  }

  /** Counts a write_files write into a systemd directory as a unit file change. */
  void noteWrite(String path) {
    if (UNIT_DIRS.stream().anyMatch(path::startsWith)) {
      changed = true;
    }
  }

  /** Writes a unit file or drop-in, mode 0644. */
  StepOutcome place(String name, String path, String content, boolean dropIn) throws IOException {
    String kind = dropIn ? "drop-in unit" : "unit";
    LOG.info("Writing {} \"{}\" to filesystem", kind, OneLine.escape(name));
    WriteOutcome w = fs.write(path, content.getBytes(StandardCharsets.UTF_8), 0644, Ids.none());
    if (w.changed()) {
      changed = true;
      LOG.info("Wrote {} \"{}\"", kind, OneLine.escape(name));
    }
    return StepOutcome.written(w);
  }

  /** Replaces the unit file by a link to /dev/null (nothing when it already is one). */
  StepOutcome mask(MaskUnit m) throws IOException {
    LOG.info("Masking unit file \"{}\"", m.unit());
    boolean did = fs.symlink(m.path(), "/dev/null");
    changed |= did;
    return did ? StepOutcome.ok() : StepOutcome.unchanged();
  }

  /** Removes a runtime mask: an empty file or a link to a character device such as /dev/null. */
  StepOutcome unmask(UnmaskUnit u) throws IOException {
    LOG.info("Ensuring runtime unit file \"{}\" is unmasked", u.unit());
    return switch (fs.removeIfMask(u.path())) {
      case ABSENT -> StepOutcome.unchanged();
      case REMOVED -> {
        changed = true;
        yield StepOutcome.ok();
      }
      case REFUSED -> {
        LOG.info("{} is not null or empty, refusing to unmask", u.path());
        yield StepOutcome.unchanged(u.path() + " is not null or empty; left in place");
      }
    };
  }
}
