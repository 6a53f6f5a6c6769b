package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {
  private static Platform of(String vendor, String product, String tag) {
    return Platform.of(new DmiInfo(vendor, product, tag));
  }

  @Test
  void of_knownDmiStrings_mapToTheirPlatform() {
    assertThat(of("Amazon EC2", "m5.large", "Amazon EC2")).isEqualTo(Platform.EC2);
    assertThat(of("Google", "Google Compute Engine", "")).isEqualTo(Platform.GCE);
    assertThat(of("OpenStack Foundation", "OpenStack Nova", "")).isEqualTo(Platform.OPENSTACK);
    assertThat(of("QEMU", "Standard PC", "OpenTelekomCloud")).isEqualTo(Platform.OPENSTACK);
    assertThat(of("DigitalOcean", "Droplet", "")).isEqualTo(Platform.DIGITALOCEAN);
    assertThat(of("Microsoft Corporation", "Virtual Machine", "7783-7084-3265-9085-8269-3286-77"))
        .isEqualTo(Platform.AZURE);
    assertThat(of("VMware, Inc.", "VMware Virtual Platform", "")).isEqualTo(Platform.VMWARE);
    assertThat(of("", "CloudSigma", "")).isEqualTo(Platform.CLOUDSIGMA);
  }

  @Test
  void of_anythingElse_isUnknown() {
    assertThat(of("QEMU", "Standard PC (Q35 + ICH9, 2009)", "")).isEqualTo(Platform.UNKNOWN);
    assertThat(of("", "", "")).isEqualTo(Platform.UNKNOWN);
    assertThat(of("Microsoft Corporation", "Virtual Machine", "")).isEqualTo(Platform.UNKNOWN);
  }

  @Test
  void read_filesBelowRoot_trimmedAndMissingAsEmpty(@TempDir Path dmi) throws Exception {
    Files.writeString(dmi.resolve("sys_vendor"), "Amazon EC2\n");
    Files.writeString(dmi.resolve("product_name"), "t3.micro\n");
    assertThat(DmiInfo.read(dmi)).isEqualTo(new DmiInfo("Amazon EC2", "t3.micro", ""));
    assertThat(DmiInfo.read(dmi.resolve("absent"))).isEqualTo(new DmiInfo("", "", ""));
  }
}
