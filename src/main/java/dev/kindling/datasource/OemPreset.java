package dev.kindling.datasource;

import java.util.List;
import java.util.Objects;

/**
 * An {@code --oem NAME} preset: the sources a platform's images use, each with its type's default
 * argument, and the network-config conversion for it ("" for none). Options given explicitly win
 * over a preset's.
 *
 * @param name the preset's name, e.g. {@code ec2-compat}
 * @param sources the datasource types it tries
 * @param convertNetconf the {@code --convert-netconf} format it sets ({@code debian}, {@code
 *     vmware}) or ""
 */
public record OemPreset(String name, List<DatasourceType> sources, String convertNetconf) {
  public OemPreset {
    Objects.requireNonNull(name, "name");
    sources = List.copyOf(sources);
    Objects.requireNonNull(convertNetconf, "convertNetconf");
  }

  /** A preset of {@code sources} without a network conversion. */
  public static OemPreset of(String name, DatasourceType... sources) {
    return new OemPreset(name, List.of(sources), "");
  }

  /** This preset, also converting the network config of format {@code format}. */
  public OemPreset convertingNetconf(String format) {
    return new OemPreset(name, sources, format);
  }
}
