package dev.kindling.datasource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The DMI strings {@code --auto} looks at, as the kernel exposes them below {@code
 * /sys/class/dmi/id}; a missing or unreadable file reads as "".
 *
 * @param sysVendor {@code sys_vendor}, e.g. {@code Amazon EC2}
 * @param productName {@code product_name}, e.g. {@code Google Compute Engine}
 * @param chassisAssetTag {@code chassis_asset_tag}, e.g. {@code OpenTelekomCloud}
 */
public record DmiInfo(String sysVendor, String productName, String chassisAssetTag) {
  /** Where the kernel exposes DMI strings; tests pass a directory of their own. */
  public static final Path DEFAULT_ROOT = Path.of("/sys/class/dmi/id");

  public DmiInfo {
    Objects.requireNonNull(sysVendor, "sysVendor");
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(chassisAssetTag, "chassisAssetTag");
  }

  /** Reads the three files below {@code root}. */
  public static DmiInfo read(Path root) {
    return new DmiInfo(
        field(root, "sys_vendor"), field(root, "product_name"), field(root, "chassis_asset_tag"));
  }

  private static String field(Path root, String name) {
    try {
      return Files.readString(root.resolve(name), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return ""; // e.g. permission denied: as good as absent for detection
    }
  }

  @Override
  public String toString() {
    return "sys_vendor \""
        + sysVendor
        + "\", product_name \""
        + productName
        + "\", chassis_asset_tag \""
        + chassisAssetTag
        + "\"";
  }
}
