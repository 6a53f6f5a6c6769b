package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Graphviz form of a plan: nodes, drop-ins, dependency edges and quoting. */
class PlanDotTest {
  @Test
  void dot_unitsDropInsAndDependencies() {
    Plan plan =
        new Plan(
            List.of(
                new PlaceUnit(
                    "app.service",
                    "/etc/systemd/system/app.service",
                    "[Unit]\nRequires=db.service\nWants=net.target db.service\nAfter=db.service\n"
                        + "[Service]\nExecStart=/bin/true\nAfter=ignored.service\n"),
                new PlaceDropIn(
                    "etcd2.service",
                    "20-cloudinit.conf",
                    "/run/systemd/system/etcd2.service.d/20-cloudinit.conf",
                    "[Unit]\nAfter=early.target\nAfter=\nAfter=late.target\n"),
                new MaskUnit("m.service", "/etc/systemd/system/m.service"),
                new EnableUnit("app.service", false),
                new UnitCommand("start", "app.service")));

    assertThat(PlanPrinter.dot(plan))
        .isEqualTo(
            """
            digraph plan {
              rankdir=LR;
              node [shape=box, fontname="monospace"];
              "app.service" [label="app.service\\n/etc/systemd/system/app.service\\nenabled, start"];
              "etcd2.service" [label="etcd2.service"];
              "m.service" [label="m.service\\nmasked", style=filled, fillcolor=lightgrey];
              "etcd2.service/20-cloudinit.conf" [shape=note, label="20-cloudinit.conf\\n/run/systemd/system/etcd2.service.d/20-cloudinit.conf"];
              "etcd2.service/20-cloudinit.conf" -> "etcd2.service" [style=dotted, arrowhead=none];
              "db.service" [shape=ellipse, style=dashed, label="db.service"];
              "net.target" [shape=ellipse, style=dashed, label="net.target"];
              "late.target" [shape=ellipse, style=dashed, label="late.target"];
              "app.service" -> "db.service" [label="Requires"];
              "app.service" -> "net.target" [label="Wants"];
              "app.service" -> "db.service" [label="Wants"];
              "app.service" -> "db.service" [label="After"];
              "etcd2.service" -> "late.target" [label="After"];
            }
            """);
  }

  @Test
  void id_quotesAndBackslashesEscaped_controlCharactersDropped() {
    assertThat(PlanDot.id("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\cd\"");
  }

  @Test
  void dot_noUnits_emptyGraph() {
    assertThat(PlanPrinter.dot(new Plan(List.of(new SetHostname("n")))))
        .isEqualTo(
            "digraph plan {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n}\n");
  }
}
