package dev.kindling.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.yaml.Position;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionMapTest {
  private static final Metadata METADATA =
      new Metadata(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.of("10.0.0.5"),
          Optional.empty(),
          Optional.of("fd00::5"),
          Map.of(),
          Optional.empty());

  private static PositionMap map(String source) {
    return PositionMap.of(source, Templater.substitute(source, METADATA, Map.of()));
  }

  @Test
  void toSource_beforeInsideAndAfterASubstitution() {
    // "a: $private_ipv4 x" becomes "a: 10.0.0.5 x"
    PositionMap map = map("#cloud-config\na: $private_ipv4 x\n");
    assertThat(map.toSource(new Position(2, 1))).isEqualTo(new Position(2, 1));
    assertThat(map.toSource(new Position(2, 4))).isEqualTo(new Position(2, 4));
    assertThat(map.toSource(new Position(2, 8))).isEqualTo(new Position(2, 4));
    assertThat(map.toSource(new Position(2, 13))).isEqualTo(new Position(2, 18));
    assertThat(map.toSource(new Position(3, 1))).isEqualTo(new Position(3, 1));
  }

  @Test
  void toSource_escapesAndUnresolvedVariables_countToo() {
    // "\$public_ipv4 $public_ipv6 b" becomes "$public_ipv4  b": the escape loses one character,
    // the unresolved variable all of its twelve
    PositionMap map = map("\\$public_ipv4 $public_ipv6 b");
    assertThat(map.toSource(new Position(1, 15))).isEqualTo(new Position(1, 28));
  }

  @Test
  void toSource_codePointColumns() {
    PositionMap map = map("\uD83D\uDE00 $private_ipv6 z");
    // "😀 fd00::5 z": z is at column 11 after, 17 before
    assertThat(map.toSource(new Position(1, 11))).isEqualTo(new Position(1, 17));
  }

  @Test
  void substitutions_whereValuesStart() {
    assertThat(map("x\n  y: $private_ipv4\n").substitutions()).containsExactly(new Position(2, 6));
  }
}
