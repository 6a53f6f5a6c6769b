package dev.kindling.plan;

import dev.kindling.value.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A canonical, complete text dump of a plan for golden files: every action with every field,
 * including whole file, unit and script contents (test fixtures only; secrets are fine here).
 * Content lines are prefixed with {@code " | "}; a missing final newline is marked as diff does.
 */
final class PlanDump {
  private PlanDump() {}

  static String dump(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (Action a : plan.actions()) {
      action(out, a);
    }
    return out.toString();
  }

  private static void action(StringBuilder out, Action a) {
    out.append(a.type()).append(' ');
    if (a instanceof SetHostname h) {
      out.append(h.hostname()).append('\n');
    } else if (a instanceof AuthorizeSshKeys k) {
      out.append(k.user()).append(" as ").append(k.name()).append('\n');
      k.keys().forEach(key -> out.append("  key ").append(key).append('\n'));
    } else if (a instanceof ImportSshKeys k) {
      out.append(k.user()).append(" as ").append(k.name()).append(" from ").append(k.url());
      out.append('\n');
    } else if (a instanceof CreateUser u) {
      user(out, u);
    } else if (a instanceof WriteFile f) {
      out.append(f.path())
          .append(String.format(" mode=%04o", f.mode()))
          .append(" owner=")
          .append(f.owner().isEmpty() ? "-" : f.owner())
          .append(f.append() ? " append" : "")
          .append('\n');
      content(out, f.content());
    } else if (a instanceof MergeEnvironmentFile m) {
      out.append(m.path()).append('\n');
      variables(out, m.variables());
    } else if (a instanceof MergeUpdateConf m) {
      out.append(m.path()).append(" base=").append(m.basePath()).append('\n');
      variables(out, m.variables());
    } else if (a instanceof WriteEtcHosts h) {
      out.append(h.path())
          .append(" hostname=")
          .append(h.hostname().isEmpty() ? "<at apply time>" : h.hostname())
          .append('\n');
    } else if (a instanceof PlaceUnit p) {
      out.append(p.unit()).append(' ').append(p.path()).append('\n');
      content(out, Bytes.utf8(p.content()));
    } else if (a instanceof PlaceDropIn p) {
      out.append(p.unit()).append(' ').append(p.name()).append(' ').append(p.path()).append('\n');
      content(out, Bytes.utf8(p.content()));
    } else {
      other(out, a);
    }
  }

  private static void other(StringBuilder out, Action a) {
    if (a instanceof MaskUnit m) {
      out.append(m.unit()).append(' ').append(m.path()).append('\n');
    } else if (a instanceof UnmaskUnit m) {
      out.append(m.unit()).append(' ').append(m.path()).append('\n');
    } else if (a instanceof EnableUnit e) {
      out.append(e.unit()).append(e.runtime() ? " runtime" : "").append('\n');
    } else if (a instanceof DaemonReload) {
      out.setLength(out.length() - 1);
      out.append('\n');
    } else if (a instanceof LoadKernelModule m) {
      out.append(m.module());
      m.parameters().forEach(p -> out.append(' ').append(p));
      out.append('\n');
    } else if (a instanceof UnitCommand c) {
      out.append(c.command()).append(' ').append(c.unit()).append('\n');
    } else if (a instanceof RunScript s) {
      out.append(s.path()).append(" unit=").append(s.unitName()).append('\n');
      content(out, s.script());
    } else if (a instanceof RunCommand c) {
      out.append(c.stage())
          .append('[')
          .append(c.index())
          .append("] unit=")
          .append(c.unitName())
          .append(c.oncePerInstance() ? " once-per-instance" : " every-boot")
          .append('\n')
          .append("  sh -c ")
          .append(c.line())
          .append('\n');
    } else if (a instanceof RejectedItem r) {
      out.append(r.subject()).append('\n').append("  reason ").append(r.reason()).append('\n');
    } else {
      throw new IllegalStateException("unhandled action: " + a.type());
    }
  }

  private static void user(StringBuilder out, CreateUser u) {
    out.append(u.name()).append('\n');
    field(out, "passwd", u.passwordHash());
    field(out, "gecos", u.gecos());
    field(out, "homedir", u.homedir());
    flag(out, "no-create-home", u.noCreateHome());
    field(out, "primary-group", u.primaryGroup());
    field(out, "groups", String.join(",", u.groups()));
    flag(out, "no-user-group", u.noUserGroup());
    flag(out, "system", u.system());
    flag(out, "no-log-init", u.noLogInit());
    field(out, "shell", u.shell());
  }

  private static void field(StringBuilder out, String name, String value) {
    if (!value.isEmpty()) {
      out.append("  ").append(name).append(' ').append(value).append('\n');
    }
  }

  private static void flag(StringBuilder out, String name, boolean value) {
    if (value) {
      out.append("  ").append(name).append('\n');
    }
  }

  private static void variables(StringBuilder out, Map<String, String> variables) {
    variables.forEach((k, v) -> out.append("  ").append(k).append('=').append(v).append('\n'));
  }

  private static void content(StringBuilder out, Bytes content) {
    if (content.isEmpty()) {
      out.append("  (empty)\n");
      return;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      text = null;
    }
    if (text == null || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
      out.append("  (binary, base64)\n");
      String b64 = Base64.getEncoder().encodeToString(content.toByteArray());
      for (int i = 0; i < b64.length(); i += 76) {
        out.append("  | ").append(b64, i, Math.min(b64.length(), i + 76)).append('\n');
      }
      return;
    }
    List<String> lines = List.of(text.split("\n", -1));
    int count = text.endsWith("\n") ? lines.size() - 1 : lines.size();
    for (int i = 0; i < count; i++) {
      out.append("  | ").append(lines.get(i)).append('\n');
    }
    if (!text.endsWith("\n")) {
      out.append("  \\ no newline at end of file\n");
    }
  }
}
